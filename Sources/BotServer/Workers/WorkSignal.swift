/// Wakes a worker when new work is stored, so it need not poll tightly; a missed wake-up only
/// costs the worker's poll interval, because the work itself lives in the database.
actor WorkSignal {
    private var pending = false
    private var waiter: CheckedContinuation<Void, Never>?
    private var generation = 0

    init() {}

    func notify() {
        if let waiter {
            self.waiter = nil
            waiter.resume()
        } else {
            pending = true
        }
    }

    /// Returns on the next `notify`, after `timeout`, or when the task is cancelled.
    func wait(timeout: Duration) async {
        if pending {
            pending = false
            return
        }
        if Task.isCancelled { return }
        generation += 1
        let ticket = generation
        let timer = Task { [weak self] in
            try? await Task.sleep(for: timeout)
            await self?.expire(ticket)
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                waiter = continuation
            }
        } onCancel: {
            Task { await self.expire(nil) }
        }
        timer.cancel()
    }

    /// A timer only wakes the wait that started it; cancellation (ticket nil) wakes any.
    private func expire(_ ticket: Int?) {
        guard ticket == nil || ticket == generation, let waiter else { return }
        self.waiter = nil
        waiter.resume()
    }
}
