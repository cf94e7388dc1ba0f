/// A sliding-window limit (WeCom: 20 messages a minute per robot). `acquire` waits for a slot
/// instead of failing, so a burst of replies is spaced out and none is dropped.
actor RateLimiter {
    let limit: Int
    let window: Duration
    private let now: @Sendable () -> ContinuousClock.Instant
    private let sleep: @Sendable (Duration) async throws -> Void
    private var sent: [ContinuousClock.Instant] = []

    init(
        limit: Int, per window: Duration,
        now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now },
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.limit = limit
        self.window = window
        self.now = now
        self.sleep = sleep
    }

    /// Returns once one more send fits in the window, and counts it.
    func acquire() async throws {
        while true {
            let current = now()
            sent.removeAll { current - $0 >= window }
            if sent.count < limit {
                sent.append(current)
                return
            }
            try await sleep(window - (current - sent[0]))
        }
    }
}
