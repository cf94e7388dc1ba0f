import Foundation
import HummingbirdBcrypt
import TaskBoard

/// A board account at run time.
struct BoardUser: Sendable, Equatable {
    var name: String
    var role: BoardRole
    var grid: String?
    var memberPlatformID: String
    var displayName: String
    /// Set only when configured: then the board renames the member; otherwise a chat name stays.
    var configuredDisplayName: String?
    var passwordHash: String

    init(_ config: BoardUserConfig) {
        name = config.name
        role = config.role
        grid = config.grid
        memberPlatformID = config.memberPlatformID
        displayName = config.displayName ?? config.name
        configuredDisplayName = config.displayName
        passwordHash = config.passwordHash
    }

    /// The grids this account may see; nil means all.
    var grids: [String]? { role == .gridWorker ? [grid].compactMap { $0 } : nil }

    /// Whether an item's grid is within this account's reach.
    func mayAccess(grid itemGrid: String?) -> Bool {
        guard let grids else { return true }
        return itemGrid.map(grids.contains) ?? false
    }

    /// The member this account acts as, as it would be after `member(in:)`, without writing: for
    /// pages that only show what the account may do.
    func viewer(in tx: BoardTransaction) throws -> Member {
        var member =
            try tx.member(platformID: memberPlatformID)
            ?? Member(platformID: memberPlatformID, name: displayName, role: role.memberRole, createdAt: tx.now)
        member.role = role.memberRole
        member.grid = role == .gridWorker ? grid : nil
        return member
    }

    /// The board member this account acts as, created or brought in step with the configuration.
    func member(in tx: BoardTransaction) throws -> Member {
        let known = try tx.member(platformID: memberPlatformID) != nil
        return try tx.upsertMember(
            platformID: memberPlatformID, name: known ? configuredDisplayName : displayName, role: role.memberRole,
            grid: role == .gridWorker ? grid : nil)
    }
}

/// The accounts that may log in, and the password check.
struct BoardAccounts: Sendable {
    let users: [String: BoardUser]
    /// True when no account was configured and the demo ones are in use.
    let isDemo: Bool
    /// A valid hash of a random password at the highest cost of the accounts' hashes, checked when
    /// the name is unknown: a cheaper decoy would answer faster and tell which names exist.
    private let decoyHash: String

    static let demoPassword = "fengchao"

    init(config: BoardConfig, people: AppConfig.People) {
        if config.users.isEmpty {
            isDemo = true
            // bcrypt at its lowest sensible cost: demo logins should not make start-up slow.
            let hash = Bcrypt.hash(Self.demoPassword, cost: 8)
            let secretary = people.secretaries.first?.id ?? "sec-1"
            var demo = [
                BoardUserConfig(
                    name: "secretary", passwordHash: hash, role: .secretary, grid: nil, member: secretary,
                    displayName: nil)
            ]
            if let (grid, workers) = people.gridWorkers.sorted(by: { $0.key < $1.key }).first,
                let worker = workers.first
            {
                demo.append(
                    BoardUserConfig(
                        name: "grid", passwordHash: hash, role: .gridWorker, grid: grid, member: worker.id,
                        displayName: nil))
            }
            users = Dictionary(uniqueKeysWithValues: demo.map { ($0.name, BoardUser($0)) })
        } else {
            isDemo = false
            users = Dictionary(uniqueKeysWithValues: config.users.map { ($0.name, BoardUser($0)) })
        }
        let cost = users.values.compactMap { Self.cost(of: $0.passwordHash) }.max() ?? 10
        decoyHash = Bcrypt.hash(UUID().uuidString, cost: UInt8(cost))
    }

    /// The cost of a bcrypt hash ("$2b$12$…" → 12).
    static func cost(of hash: String) -> Int? {
        let parts = hash.split(separator: "$")
        return parts.count >= 3 ? Int(parts[1]) : nil
    }

    /// The decoy's cost, for the timing test.
    var decoyCost: Int? { Self.cost(of: decoyHash) }

    /// The account when the password matches. bcrypt is slow on purpose, so it runs off the event loop;
    /// an unknown name costs the same time as a wrong password, so timing does not reveal which names exist.
    func authenticate(name: String, password: String) async -> BoardUser? {
        let user = users[name]
        let hash = user?.passwordHash ?? decoyHash
        let matches = await Task.detached { Bcrypt.verify(password, hash: hash) }.value
        return matches ? user : nil
    }
}
