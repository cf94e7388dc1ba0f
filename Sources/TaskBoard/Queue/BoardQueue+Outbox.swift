import Foundation
import GRDB

// The outbox: replies waiting to be sent, retried with backoff until sent or given up.
extension BoardQueue {
    /// Queues a reply, due now.
    public func enqueueReply(channel: String, target: String, payload: String, inboxID: Int64?) throws -> Int64 {
        try enqueueReply(channel: channel, target: target, payload: payload, inboxID: inboxID, notBefore: now)
    }

    /// Queues a reply the sender may not touch before `notBefore`: a WeChat webhook still waiting to
    /// answer with it passively claims it first.
    public func enqueueReply(channel: String, target: String, payload: String, inboxID: Int64?, notBefore: Date)
        throws -> Int64
    {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO outbox (channel, target, payload, status, attempts, next_attempt_at, created_at, inbox_id)
                VALUES (?, ?, ?, 'pending', 0, ?, ?, ?)
                """)
        try statement.execute(arguments: [
            channel, target, payload, BoardTransaction.seconds(notBefore), BoardTransaction.seconds(now), inboxID,
        ])
        return db.lastInsertedRowID
    }

    /// Replies due for sending (pending, next attempt not after now), in queue order.
    public func dueOutbox(limit: Int) throws -> [OutboxMessage] {
        try due(OutboxMessage.self, limit: limit)
    }

    /// When the sender should wake next: the earliest next attempt among pending replies.
    public func nextOutboxDue() throws -> Date? {
        try nextDue(OutboxMessage.self)
    }

    /// The platform accepted the reply; counts as an attempt.
    public func markSent(outboxID: Int64) throws {
        try db.cachedStatement(
            sql:
                "UPDATE outbox SET status = 'sent', attempts = attempts + 1, begun = MAX(begun, attempts + 1), sent_at = ? WHERE id = ?"
        ).execute(arguments: [BoardTransaction.seconds(now), outboxID])
        guard db.changesCount > 0 else { throw StoreError.noSuchOutboxMessage(outboxID) }
    }

    /// A sending attempt failed: counts it and keeps the error; retries at `retryAt`, or gives up
    /// (status failed, visible on the board) when it is nil.
    public func markAttemptFailed(outboxID: Int64, error: String, retryAt: Date?) throws {
        guard try recordFailedAttempt("outbox", id: outboxID, error: error, retryAt: retryAt) else {
            throw StoreError.noSuchOutboxMessage(outboxID)
        }
    }

    /// One queued reply.
    public func outbox(id: Int64) throws -> OutboxMessage? {
        try OutboxMessage.fetchOne(db, key: id)
    }

    /// Queued replies in one status (all when nil), in queue order.
    public func outbox(status: OutboxStatus?) throws -> [OutboxMessage] {
        var request = OutboxMessage.all()
        if let status { request = request.filter(OutboxMessage.CodingKeys.status == status) }
        return try request.order(OutboxMessage.CodingKeys.id).fetchAll(db)
    }

    /// Outbox rows, optionally in one status, for health checks and tests.
    public func outboxCount(status: OutboxStatus? = nil) throws -> Int {
        if let status {
            return try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM outbox WHERE status = ?", arguments: [status.rawValue]) ?? 0
        }
        return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox") ?? 0
    }
}
