import Foundation
import GRDB

// The outbox and the photo downloads retry the same way: a row is `pending` until done, and
// `next_attempt_at` says when it may be tried again. These read both tables alike.
extension BoardQueue {
    /// Pending rows whose next attempt is not after now, in queue (id) order.
    func due<Row: FetchableRecord & TableRecord>(_: Row.Type, limit: Int) throws -> [Row] {
        try Row
            .filter(Column("status") == "pending")
            .filter(Column("next_attempt_at") <= BoardTransaction.seconds(now))
            .order(Column("id"))
            .limit(limit)
            .fetchAll(db)
    }

    /// The earliest next attempt among pending rows, for the worker to sleep until.
    func nextDue<Row: TableRecord>(_: Row.Type) throws -> Date? {
        let seconds = try Double.fetchOne(
            db.cachedStatement(
                sql: "SELECT MIN(next_attempt_at) FROM \(Row.databaseTableName) WHERE status = 'pending'"))
        return seconds.map { Date(timeIntervalSince1970: $0) }
    }
}
