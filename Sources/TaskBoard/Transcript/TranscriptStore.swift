/// A group's chat read back from the queues — messages in, replies out, merged in time — as the
/// simulator's page polls it. Each call is one read of its own.
///
/// `BoardStore` implements it over SQLite's inbox and outbox tables; a PostgreSQL store implements
/// the same requirements over its own queues and plugs into the simulator as `any TranscriptStore`.
public protocol TranscriptStore: Sendable {
    /// Where a newly opened chat starts: before the last `recentMessages` messages and the replies
    /// queued since the first of them, so the page opens on recent talk, not the group's history.
    func transcriptStart(channel: String, groupID: String, recentMessages: Int) async throws -> TranscriptCursor

    /// Up to `limit` lines after `cursor`, oldest first, and the cursor to poll from next. A reply
    /// still pending holds back the replies queued after it (none is skipped when sent late); a failed
    /// reply is passed over; a message and a reply at the same instant put the message first.
    func transcript(channel: String, groupID: String, after cursor: TranscriptCursor, limit: Int) async throws
        -> TranscriptPage
}

extension BoardStore: TranscriptStore {
    public func transcriptStart(channel: String, groupID: String, recentMessages: Int) async throws
        -> TranscriptCursor
    {
        try await read { tx in
            try tx.queue.transcriptStart(channel: channel, groupID: groupID, recentMessages: recentMessages)
        }
    }

    public func transcript(channel: String, groupID: String, after cursor: TranscriptCursor, limit: Int)
        async throws -> TranscriptPage
    {
        try await read { tx in try tx.queue.transcript(channel: channel, groupID: groupID, after: cursor, limit: limit)
        }
    }
}
