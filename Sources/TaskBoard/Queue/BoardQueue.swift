import Foundation
import GRDB

/// The SQLite store's three work queues — inbox, outbox, photo downloads — inside one board
/// transaction, reached as `tx.queue`.
///
/// Handling a message is one transaction across the board change, its queued replies, the
/// conversation turn and the inbox row's mark, so a crash leaves the message pending or fully
/// handled: that is why the queues share the board's transaction here rather than having a database
/// of their own. Code that needs a queue and nothing of the board (the workers, the webhooks) goes
/// through `InboxQueue`, `OutboxQueue` and `PhotoQueue` instead, one transaction per call, so a
/// second store can serve it without touching the server. Like `BoardTransaction` it wraps GRDB's
/// `Database`: never let it escape the closure.
public struct BoardQueue {
    let db: Database
    /// The time of the transaction: every row it writes carries this instant.
    public let now: Date
}

extension BoardQueue {
    /// The outbox's and the photo queue's failed attempt, the same bookkeeping in either table: the
    /// attempt is counted with its error and the row is due again at `retryAt`, or failed for good
    /// when that is nil. False when no row has the id.
    func recordFailedAttempt(_ table: String, id: Int64, error: String, retryAt: Date?) throws -> Bool {
        let counted = "UPDATE \(table) SET attempts = attempts + 1, begun = MAX(begun, attempts + 1), last_error = ?"
        if let retryAt {
            try db.cachedStatement(sql: counted + ", next_attempt_at = ? WHERE id = ?")
                .execute(arguments: [error, BoardTransaction.seconds(retryAt), id])
        } else {
            try db.cachedStatement(sql: counted + ", status = 'failed' WHERE id = ?").execute(arguments: [error, id])
        }
        return db.changesCount > 0
    }

    /// `seconds` from now, the due time of a retry; nil (give up) stays nil.
    func later(_ seconds: Double?) -> Date? {
        seconds.map { now.addingTimeInterval($0) }
    }
}

extension BoardTransaction {
    /// The queues, in this transaction.
    public var queue: BoardQueue { BoardQueue(db: db, now: now) }
}
