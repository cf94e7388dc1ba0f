import Foundation

/// Locks a user name after repeated wrong passwords, so a password cannot be guessed online.
///
/// An attempt is reserved before bcrypt runs and counts against the limit while it runs, so a
/// burst of parallel guesses gets `maxFailures` checks, not one per request; at most
/// `maxConcurrentChecks` bcrypt checks run at once, and the names remembered are bounded.
actor LoginThrottle {
    private let maxFailures: Int
    private let lockout: TimeInterval
    private let maxConcurrentChecks: Int
    private let maxNames: Int
    private var failures: [String: [Date]] = [:]
    private var pending: [String: Int] = [:]
    private var lockedUntil: [String: Date] = [:]
    private var checking = 0

    /// Why an attempt may not be checked now.
    enum Refusal: Error, Equatable {
        /// The name is locked until then.
        case locked(until: Date)
        /// Too many password checks are running; try again in a moment.
        case busy
    }

    init(maxFailures: Int, lockoutMinutes: Double, maxConcurrentChecks: Int = 4, maxNames: Int = 10_000) {
        self.maxFailures = maxFailures
        self.lockout = lockoutMinutes * 60
        self.maxConcurrentChecks = maxConcurrentChecks
        self.maxNames = maxNames
    }

    /// When the name is locked, until when.
    func lockedUntil(_ name: String, now: Date = Date()) -> Date? {
        guard let until = lockedUntil[name.lowercased()], until > now else { return nil }
        return until
    }

    /// Reserves one check of `name`'s password, or says why not. Every reservation is ended by
    /// `finish(_:succeeded:)`.
    func begin(_ name: String, now: Date = Date()) throws(Refusal) {
        let key = name.lowercased()
        if let until = lockedUntil(key, now: now) { throw .locked(until: until) }
        let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < lockout }
        if recent.count + pending[key, default: 0] >= maxFailures {
            let until = now.addingTimeInterval(lockout)
            lockedUntil[key] = until
            throw .locked(until: until)
        }
        guard checking < maxConcurrentChecks else { throw .busy }
        checking += 1
        pending[key, default: 0] += 1
        failures[key] = recent
        forgetOldest(now: now)
    }

    /// Ends a reserved check: a failure counts inside the lockout window (the last allowed one locks
    /// the name); a success clears the name.
    func finish(_ name: String, succeeded: Bool, now: Date = Date()) {
        let key = name.lowercased()
        checking = max(0, checking - 1)
        let left = pending[key, default: 1] - 1
        pending[key] = left > 0 ? left : nil
        guard !succeeded else {
            failures[key] = nil
            lockedUntil[key] = nil
            return
        }
        var recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < lockout }
        recent.append(now)
        if recent.count >= maxFailures {
            lockedUntil[key] = now.addingTimeInterval(lockout)
            recent = []
        }
        failures[key] = recent
    }

    /// How many names the throttle holds state for (bounded by `maxNames`).
    var rememberedNames: Int { Set(failures.keys).union(lockedUntil.keys).count }

    /// Keeps the memory bounded whatever names are tried: expired entries go first, then the oldest.
    /// A pass leaves at most half of `maxNames`, so the next one is that many names away and the
    /// cost per attempt stays constant on average.
    private func forgetOldest(now: Date) {
        guard failures.count + lockedUntil.count > maxNames else { return }
        lockedUntil = Self.newest(lockedUntil.filter { $0.value > now }, keeping: maxNames / 4) { $0 }
        failures = Self.newest(
            failures.filter { $0.value.contains { now.timeIntervalSince($0) < lockout } }, keeping: maxNames / 4
        ) { $0.last ?? now }
    }

    private static func newest<Value>(
        _ entries: [String: Value], keeping limit: Int, by time: (Value) -> Date
    ) -> [String: Value] {
        guard entries.count > limit else { return entries }
        let kept = entries.sorted { time($0.value) > time($1.value) }.prefix(limit)
        return Dictionary(uniqueKeysWithValues: kept.map { ($0.key, $0.value) })
    }
}
