import Foundation
import GRDB

/// All commands and queries of the board, used inside one `BoardStore.write` or `read` closure; the
/// work queues of the same transaction are `queue` (`BoardQueue`).
///
/// It wraps GRDB's `Database`, which is not `Sendable`: never let it escape the closure. Each
/// command checks everything first and throws `BoardError` before any write, then writes the
/// item, its timeline event and its ledger entries together inside a savepoint, so a caller that
/// catches the error inside the same transaction still finds nothing half-written.
public struct BoardTransaction {
    let db: Database
    /// The time of this transaction, read from the store's clock once, so every row it writes
    /// carries the same instant.
    public let now: Date
    /// The point amounts and limits in force.
    public let rules: PointRules

    /// The same transaction acting at another instant: history written through the real commands
    /// (the benchmark seeder replays a year of reports in one transaction).
    package func at(_ instant: Date) -> BoardTransaction {
        BoardTransaction(db: db, now: Self.normalized(instant), rules: rules)
    }

    /// Round-trips a date through unix seconds, the stored form, so that a record returned by a
    /// command equals the same record fetched back.
    static func normalized(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970)
    }

    /// The stored form of a date in SQL arguments (records encode theirs the same way).
    static func seconds(_ date: Date) -> Double {
        date.timeIntervalSince1970
    }

    /// Runs a command's writes as one unit, even inside a caller's larger transaction.
    func atomically<T>(_ body: () throws -> T) throws -> T {
        var result: T?
        try db.inSavepoint {
            result = try body()
            return .commit
        }
        guard let result else { preconditionFailure("savepoint committed without a result") }
        return result
    }
}
