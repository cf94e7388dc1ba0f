import Foundation

/// Locks a user name after repeated wrong passwords, so a password cannot be guessed online, and a
/// client address after more, so one client cannot try many names (or lock out many people).
///
/// An attempt is reserved before bcrypt runs and counts against both limits while it runs, so a
/// burst of parallel guesses gets `maxFailures` checks, not one per request; at most
/// `maxConcurrentChecks` bcrypt checks run at once, and the names and addresses remembered are bounded.
actor LoginThrottle {
    /// What a limit counts: failures for one user name, or from one client address.
    private enum Key: Hashable {
        case name(String)
        case address(String)
    }

    private let maxFailures: Int
    private let maxFailuresPerAddress: Int
    private let lockout: TimeInterval
    private let maxConcurrentChecks: Int
    private let maxNames: Int
    private var failures: [Key: [Date]] = [:]
    private var pending: [Key: Int] = [:]
    private var lockedUntil: [Key: Date] = [:]
    private var checking = 0

    /// Why an attempt may not be checked now.
    enum Refusal: Error, Equatable {
        /// The name, or the client's address, is locked until then.
        case locked(until: Date)
        /// Too many password checks are running; try again in a moment.
        case busy
    }

    init(
        maxFailures: Int, lockoutMinutes: Double, maxFailuresPerAddress: Int = 20, maxConcurrentChecks: Int = 4,
        maxNames: Int = 10_000
    ) {
        self.maxFailures = maxFailures
        self.maxFailuresPerAddress = maxFailuresPerAddress
        self.lockout = lockoutMinutes * 60
        self.maxConcurrentChecks = maxConcurrentChecks
        self.maxNames = maxNames
    }

    /// When the name is locked, until when.
    func lockedUntil(_ name: String, now: Date = Date()) -> Date? {
        lockedUntil(.name(name.lowercased()), now: now)
    }

    /// When the client address is locked, until when.
    func lockedUntil(address: String, now: Date = Date()) -> Date? {
        lockedUntil(.address(address), now: now)
    }

    private func lockedUntil(_ key: Key, now: Date) -> Date? {
        guard let until = lockedUntil[key], until > now else { return nil }
        return until
    }

    private func keys(_ name: String, _ address: String?) -> [Key] {
        [.name(name.lowercased())] + (address.map { [.address($0)] } ?? [])
    }

    private func limit(_ key: Key) -> Int {
        switch key {
        case .name: maxFailures
        case .address: maxFailuresPerAddress
        }
    }

    /// Reserves one check of `name`'s password from `address` (nil: unknown), or says why not. Every
    /// reservation is ended by `finish(_:address:succeeded:)`.
    func begin(_ name: String, address: String? = nil, now: Date = Date()) throws(Refusal) {
        let keys = keys(name, address)
        for key in keys {
            if let until = lockedUntil(key, now: now) { throw .locked(until: until) }
        }
        var recent: [Key: [Date]] = [:]
        for key in keys {
            recent[key] = (failures[key] ?? []).filter { now.timeIntervalSince($0) < lockout }
            if recent[key, default: []].count + pending[key, default: 0] >= limit(key) {
                let until = now.addingTimeInterval(lockout)
                lockedUntil[key] = until
                throw .locked(until: until)
            }
        }
        guard checking < maxConcurrentChecks else { throw .busy }
        checking += 1
        for key in keys {
            pending[key, default: 0] += 1
            failures[key] = recent[key]
        }
        forgetOldest(now: now)
    }

    /// Ends a reserved check: a failure counts inside the lockout window for the name and the address
    /// (the last allowed one locks it); a success clears the name, never the address, so one account's
    /// password does not buy a client more guesses at others.
    func finish(_ name: String, address: String? = nil, succeeded: Bool, now: Date = Date()) {
        checking = max(0, checking - 1)
        for key in keys(name, address) {
            let left = pending[key, default: 1] - 1
            pending[key] = left > 0 ? left : nil
            if succeeded {
                if case .name = key {
                    failures[key] = nil
                    lockedUntil[key] = nil
                }
                continue
            }
            var recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < lockout }
            recent.append(now)
            if recent.count >= limit(key) {
                lockedUntil[key] = now.addingTimeInterval(lockout)
                recent = []
            }
            failures[key] = recent
        }
    }

    /// How many names and addresses the throttle holds state for (bounded by `maxNames`).
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
        _ entries: [Key: Value], keeping limit: Int, by time: (Value) -> Date
    ) -> [Key: Value] {
        guard entries.count > limit else { return entries }
        let kept = entries.sorted { time($0.value) > time($1.value) }.prefix(limit)
        return Dictionary(uniqueKeysWithValues: kept.map { ($0.key, $0.value) })
    }
}
