import Foundation
import GRDB

extension BoardTransaction {
    /// What the member did in `since ..< until`: reports filed (through the reporter index) and
    /// adoptions and paid tasks booked (through the ledger's member index).
    public func contribution(memberID: Int64, since: Date, until: Date) throws -> Contribution {
        let (from, to) = (Self.seconds(since), Self.seconds(until))
        let filed = try countsByLabel(
            """
            SELECT kind AS label, COUNT(*) AS n FROM items
            WHERE reporter_id = \(memberID) AND created_at >= \(from) AND created_at < \(to)
              AND kind IN ('issue', 'suggestion') AND status NOT IN ('merged', 'cancelled')
            GROUP BY kind
            """)
        let booked = try countsByLabel(
            """
            SELECT reason AS label, COUNT(*) AS n FROM ledger
            WHERE member_id = \(memberID) AND created_at >= \(from) AND created_at < \(to)
              AND reason IN ('suggestion_adopted', 'task_verified')
            GROUP BY reason
            """)
        return Contribution(
            issues: filed[ItemKind.issue.rawValue] ?? 0, suggestions: filed[ItemKind.suggestion.rawValue] ?? 0,
            adopted: booked[LedgerReason.suggestionAdopted.rawValue] ?? 0,
            tasks: booked[LedgerReason.taskVerified.rawValue] ?? 0)
    }

    /// Counts by label of a `SELECT label, n … GROUP BY` query.
    private func countsByLabel(_ sql: SQL) throws -> [String: Int] {
        let rows = try Row.fetchAll(db, SQLRequest<Row>(literal: sql))
        return Dictionary(rows.map { ($0["label"], $0["n"]) }, uniquingKeysWith: +)
    }
}
