import Foundation
import TaskBoard

/// The secretary's web board: who may log in, how long a login lasts, and the exchange catalog.
struct BoardConfig: Sendable, Decodable, Equatable {
    /// Empty: demo accounts (see `BoardUsers.demo`), announced in the log at start-up.
    var users: [BoardUserConfig] = []
    var sessionHours = 12.0
    /// After this many wrong passwords for one user name the name is locked for `lockoutMinutes`.
    var maxFailedLogins = 5
    var lockoutMinutes = 15.0
    /// After this many wrong passwords from one client address (any names) the address is locked too.
    var maxFailedLoginsPerAddress = 20
    /// Behind a reverse proxy on this machine every client comes from loopback: name the header the
    /// proxy writes the client's address into (`X-Forwarded-For`, its last entry counts) so the login
    /// limit per address counts clients, not the proxy. Read only from a loopback peer; empty: never.
    var clientAddressHeader = ""
    /// Set behind HTTPS so the session cookie is never sent in clear.
    var secureCookies = false
    /// Goods and services points can be exchanged for; empty: the sample catalog in `labels.yaml`.
    var exchangeCatalog: [CatalogEntry] = []

    enum CodingKeys: String, CodingKey {
        case users
        case sessionHours = "session_hours"
        case maxFailedLogins = "max_failed_logins"
        case lockoutMinutes = "lockout_minutes"
        case maxFailedLoginsPerAddress = "max_failed_logins_per_address"
        case clientAddressHeader = "client_address_header"
        case secureCookies = "secure_cookies"
        case exchangeCatalog = "exchange_catalog"
    }

    init() {}

    init(from decoder: any Decoder) throws {
        self.init()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try c.update(&users, .users)
        try c.update(&sessionHours, .sessionHours)
        try c.update(&maxFailedLogins, .maxFailedLogins)
        try c.update(&lockoutMinutes, .lockoutMinutes)
        try c.update(&maxFailedLoginsPerAddress, .maxFailedLoginsPerAddress)
        try c.update(&clientAddressHeader, .clientAddressHeader)
        try c.update(&secureCookies, .secureCookies)
        try c.update(&exchangeCatalog, .exchangeCatalog)
    }

    func validate() throws {
        var names = Set<String>()
        for user in users {
            guard names.insert(user.name).inserted else {
                throw ConfigError.invalidValue(key: "board.users", reason: "user \(user.name) is listed twice")
            }
            guard user.passwordHash.hasPrefix("$2") else {
                throw ConfigError.invalidValue(
                    key: "board.users.\(user.name).password_hash",
                    reason: "must be a bcrypt hash; make one with `fengchao hash-password`")
            }
            if user.role == .gridWorker, user.grid == nil {
                throw ConfigError.invalidValue(
                    key: "board.users.\(user.name).grid", reason: "a grid worker needs the grid they serve")
            }
        }
        guard sessionHours > 0, maxFailedLogins > 0, maxFailedLoginsPerAddress > 0, lockoutMinutes >= 0 else {
            throw ConfigError.invalidValue(
                key: "board.session_hours / max_failed_logins / max_failed_logins_per_address / lockout_minutes",
                reason: "must be positive")
        }
        for entry in exchangeCatalog where entry.cost <= 0 {
            throw ConfigError.invalidValue(
                key: "board.exchange_catalog", reason: "\(entry.name) must cost at least 1 point")
        }
    }
}

/// One board account.
struct BoardUserConfig: Sendable, Decodable, Equatable {
    /// The login name (form field `username`).
    var name: String
    /// bcrypt, from `fengchao hash-password`.
    var passwordHash: String
    var role: BoardRole
    /// The grid a grid worker serves; they see and act on that grid only.
    var grid: String?
    /// The chat sender id this account acts as, so board and chat actions are one person's
    /// history; default `board:<name>`.
    var member: String?
    /// The name shown in replies and timelines; default the login name.
    var displayName: String?

    enum CodingKeys: String, CodingKey {
        case name
        case passwordHash = "password_hash"
        case role, grid, member
        case displayName = "display_name"
    }

    var memberPlatformID: String { member ?? "board:\(name)" }
}

/// What a board account may do; a grid worker acts as the secretary, for the own grid only.
enum BoardRole: String, Sendable, Decodable, Equatable {
    case secretary
    case gridWorker = "grid_worker"

    var memberRole: MemberRole {
        switch self {
        case .secretary: .secretary
        case .gridWorker: .gridWorker
        }
    }
}

/// Something points can buy.
struct CatalogEntry: Sendable, Decodable, Equatable {
    var name: String
    var cost: Int
}
