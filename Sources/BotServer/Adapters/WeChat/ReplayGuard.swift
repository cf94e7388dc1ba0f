import Crypto
import Foundation

/// Remembers the (timestamp, nonce) of every verified WeChat/WeCom push inside the clock-skew
/// window. A plain-mode signature never covers the body, so a leaked push URL could carry any body;
/// a repeat is admitted only with the very same body (the platform retrying), anything else is
/// refused. Bounded: entries leave with the window, and the oldest go first past `capacity`.
actor ReplayGuard {
    private let window: Int64
    private let capacity: Int
    private var seen: [String: (at: Int64, body: SHA256.Digest)] = [:]

    init(windowSeconds: Int64 = 300, capacity: Int = 100_000) {
        self.window = windowSeconds
        self.capacity = capacity
    }

    /// False when this channel already accepted the same timestamp and nonce with another body.
    func admit(channel: String, timestamp: String, nonce: String, body: Data, now: Int64) -> Bool {
        let key = "\(channel)\u{1F}\(timestamp)\u{1F}\(nonce)"
        let digest = SHA256.hash(data: body)
        if let earlier = seen[key], now - earlier.at <= window {
            return earlier.body == digest
        }
        seen[key] = (now, digest)
        if seen.count > capacity { forget(before: now - window) }
        return true
    }

    var count: Int { seen.count }

    /// Leaves at most half the capacity, so the next pass is `capacity / 2` inserts away and the
    /// cost per push stays constant on average.
    private func forget(before cutoff: Int64) {
        seen = seen.filter { $0.value.at >= cutoff }
        guard seen.count > capacity / 2 else { return }
        let newest = seen.sorted { $0.value.at > $1.value.at }.prefix(capacity / 2)
        seen = Dictionary(uniqueKeysWithValues: newest.map { ($0.key, $0.value) })
    }
}
