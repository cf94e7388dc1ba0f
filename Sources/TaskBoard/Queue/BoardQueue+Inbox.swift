import Foundation
import GRDB

// The inbox: every inbound message, stored once before its webhook is answered.
extension BoardQueue {
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
        try statement.execute(arguments: [
            channel, platformMessageID, groupID, senderID, payload, BoardTransaction.seconds(now),
        ])
        guard db.changesCount > 0 else { return nil }
        return db.lastInsertedRowID
    }

    /// Stores an arrival once: a new row, or the row already holding `(channel, platformMessageID)`.
    public func storeInbox(_ arrival: InboxArrival) throws -> StoredArrival {
        if let id = try insertInbox(
            channel: arrival.channel, platformMessageID: arrival.platformMessageID, groupID: arrival.groupID,
            senderID: arrival.senderID, payload: arrival.payload)
        {
            return StoredArrival(id: id, duplicate: false)
        }
        let existing = try inboxMessage(channel: arrival.channel, platformMessageID: arrival.platformMessageID)
        return StoredArrival(id: existing?.id ?? 0, duplicate: true)
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
        let processedAt: Double? = state == .pending ? nil : BoardTransaction.seconds(now)
        try db.cachedStatement(sql: "UPDATE inbox SET state = ?, error = ?, processed_at = ? WHERE id = ?")
            .execute(arguments: [state, error, processedAt, id])
        guard db.changesCount > 0 else { throw StoreError.noSuchInboxMessage(id) }
    }

    /// Inbox rows, optionally in one state, for health checks and tests.
    public func inboxCount(state: InboxState? = nil) throws -> Int {
        if let state {
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM inbox WHERE state = ?", arguments: [state.rawValue])
                ?? 0
        }
        return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM inbox") ?? 0
    }
}
