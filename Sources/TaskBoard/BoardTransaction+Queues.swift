import Foundation
import GRDB

// The server's durable queues. Their SQL lives here with the rest of the store's.
extension BoardTransaction {
    /// Stores an inbound message once; nil when `(channel, platformMessageID)` is already stored
    /// (a platform's retry), so the caller answers it without processing it again.
    public func insertInbox(
        channel: String, platformMessageID: String, groupID: String, senderID: String, payload: String
    ) throws -> Int64? {
        // The ingest hot path: a reused statement, and the unique index decides, not a SELECT first.
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO inbox (channel, platform_message_id, group_id, sender_id, payload, received_at, state)
                VALUES (?, ?, ?, ?, ?, ?, 'pending')
                ON CONFLICT (channel, platform_message_id) DO NOTHING
                """)
        try statement.execute(arguments: [channel, platformMessageID, groupID, senderID, payload, Self.seconds(now)])
        guard db.changesCount > 0 else { return nil }
        return db.lastInsertedRowID
    }

    /// Messages still to process, in arrival order.
    public func pendingInbox(limit: Int) throws -> [InboxMessage] {
        try InboxMessage
            .filter(InboxMessage.CodingKeys.state == InboxState.pending)
            .order(InboxMessage.CodingKeys.id)
            .limit(limit)
            .fetchAll(db)
    }

    /// Whether an earlier message of this group failed with `error` (through the channel-group index).
    public func hasFailedInbox(channel: String, groupID: String, error: String, before id: Int64) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT EXISTS (SELECT 1 FROM inbox WHERE channel = ? AND group_id = ? AND id < ?
                    AND state = 'failed' AND error = ?)
                    """), arguments: [channel, groupID, id, error]) ?? false
    }

    /// One inbound message.
    public func inbox(id: Int64) throws -> InboxMessage? {
        try InboxMessage.fetchOne(db, key: id)
    }

    /// Records the outcome of processing a message; `processedAt` is now (nil when set back to pending).
    public func markInbox(id: Int64, state: InboxState, error: String?) throws {
        let processedAt: Double? = state == .pending ? nil : Self.seconds(now)
        try db.cachedStatement(sql: "UPDATE inbox SET state = ?, error = ?, processed_at = ? WHERE id = ?")
            .execute(arguments: [state, error, processedAt, id])
        guard db.changesCount > 0 else { throw StoreError.noSuchInboxMessage(id) }
    }

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
            channel, target, payload, Self.seconds(notBefore), Self.seconds(now), inboxID,
        ])
        return db.lastInsertedRowID
    }

    /// Replies due for sending (pending, next attempt not after now), in queue order.
    public func dueOutbox(limit: Int) throws -> [OutboxMessage] {
        try OutboxMessage
            .filter(OutboxMessage.CodingKeys.status == OutboxStatus.pending)
            .filter(OutboxMessage.CodingKeys.nextAttemptAt <= Self.seconds(now))
            .order(OutboxMessage.CodingKeys.id)
            .limit(limit)
            .fetchAll(db)
    }

    /// When the sender should wake next: the earliest next attempt among pending replies.
    public func nextOutboxDue() throws -> Date? {
        let seconds = try Double.fetchOne(
            db.cachedStatement(sql: "SELECT MIN(next_attempt_at) FROM outbox WHERE status = 'pending'"))
        return seconds.map { Date(timeIntervalSince1970: $0) }
    }

    /// The platform accepted the reply; counts as an attempt.
    public func markSent(outboxID: Int64) throws {
        try db.cachedStatement(
            sql:
                "UPDATE outbox SET status = 'sent', attempts = attempts + 1, begun = MAX(begun, attempts + 1), sent_at = ? WHERE id = ?"
        ).execute(arguments: [Self.seconds(now), outboxID])
        guard db.changesCount > 0 else { throw StoreError.noSuchOutboxMessage(outboxID) }
    }

    /// A sending attempt failed: counts it and keeps the error; retries at `retryAt`, or gives up
    /// (status failed, visible on the board) when it is nil.
    public func markAttemptFailed(outboxID: Int64, error: String, retryAt: Date?) throws {
        if let retryAt {
            try db.cachedStatement(
                sql:
                    "UPDATE outbox SET attempts = attempts + 1, begun = MAX(begun, attempts + 1), last_error = ?, next_attempt_at = ? WHERE id = ?"
            ).execute(arguments: [error, Self.seconds(retryAt), outboxID])
        } else {
            try db.cachedStatement(
                sql:
                    "UPDATE outbox SET attempts = attempts + 1, begun = MAX(begun, attempts + 1), last_error = ?, status = 'failed' WHERE id = ?"
            ).execute(arguments: [error, outboxID])
        }
        guard db.changesCount > 0 else { throw StoreError.noSuchOutboxMessage(outboxID) }
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
}
