import Foundation

/// Locks a user name after repeated wrong passwords, so a password cannot be guessed online.
actor LoginThrottle {
    private let maxFailures: Int
    private let lockout: TimeInterval
    private var failures: [String: [Date]] = [:]
    private var lockedUntil: [String: Date] = [:]

    init(maxFailures: Int, lockoutMinutes: Double) {
        self.maxFailures = maxFailures
        self.lockout = lockoutMinutes * 60
    }

    /// When the name is locked, until when.
    func lockedUntil(_ name: String, now: Date = Date()) -> Date? {
        guard let until = lockedUntil[name.lowercased()], until > now else { return nil }
        return until
    }

    /// Counts a failure inside the lockout window; the last allowed one locks the name.
    func recordFailure(_ name: String, now: Date = Date()) {
        let key = name.lowercased()
        var recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < lockout }
        recent.append(now)
        if recent.count >= maxFailures {
            lockedUntil[key] = now.addingTimeInterval(lockout)
            recent = []
        }
        failures[key] = recent
    }

    func recordSuccess(_ name: String) {
        failures[name.lowercased()] = nil
        lockedUntil[name.lowercased()] = nil
    }
}
