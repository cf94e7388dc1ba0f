import Foundation
import GRDB

// The community's 信用银行: a member row that holds what members donate, so its balance is a ledger
// sum like anyone's and the community can spend it on 爱心帮扶 through the ordinary exchange.
extension BoardTransaction {
    /// The pool's sender id: no platform sends it, so no message can act as the pool.
    public static let creditBankID = "fengchao:credit-bank"

    /// The pool's row, created on the first donation with the name the community calls it.
    public func creditBank(named name: String) throws -> Member {
        if let pool = try member(platformID: Self.creditBankID) { return pool }
        return try upsertMember(platformID: Self.creditBankID, name: name, role: .resident, grid: nil)
    }

    /// What the pool holds now; 0 before anyone gave (and nothing is created by asking).
    public func creditBankBalance() throws -> Int {
        guard let poolID = try member(platformID: Self.creditBankID)?.id else { return 0 }
        return try balance(memberID: poolID).total
    }

    /// "捐赠 20": the member gives points to the pool (`donate(memberID:amount:toPool:)` checks the
    /// balance and writes both sides).
    public func donateToCreditBank(memberID: Int64, amount: Int, poolName: String) throws -> [Award] {
        try atomically {
            let pool = try creditBank(named: poolName)
            return try donate(memberID: memberID, amount: amount, toPool: pool.id ?? 0)
        }
    }

    /// Refuses `action` unless the member is the secretary: the ledger's own actions (exchange,
    /// adjust) are hers alone.
    public func requireSecretary(_ memberID: Int64, for action: BoardAction) throws {
        let member = try requireMember(memberID)
        guard member.role == .secretary else {
            throw BoardError.notAllowed(action: action.rawValue, role: member.role)
        }
    }
}
