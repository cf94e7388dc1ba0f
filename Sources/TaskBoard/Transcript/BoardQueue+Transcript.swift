import Foundation
import GRDB

// A group's chat read back from the queues: the messages that came in (inbox) and the replies that
// went out (outbox), merged in time. The simulator's page shows it; every other channel's chat
// lives on its platform.
extension BoardQueue {
    /// Up to `limit` lines after `cursor`, oldest first.
    ///
    /// A reply still pending holds back the replies queued after it (they stay for the next read,
    /// so none is skipped when it is sent late); a failed reply is passed over. A message and a reply
    /// at the same instant put the message first, as it caused the reply.
    func transcript(channel: String, groupID: String, after cursor: TranscriptCursor, limit: Int) throws
        -> TranscriptPage
    {
        let limit = max(1, limit)
        // One row more than a page, to know whether more are waiting; both reads walk the primary
        // key from the cursor, so a poll costs what it returns.
        let messages = try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT id, sender_id, payload, received_at FROM inbox
                    WHERE id > ? AND channel = ? AND group_id = ? ORDER BY id LIMIT ?
                    """),
            arguments: [cursor.inbox, channel, groupID, limit + 1])
        let replies = try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT id, payload, status, sent_at, created_at FROM outbox
                    WHERE id > ? AND channel = ? AND target = ? ORDER BY id LIMIT ?
                    """),
            arguments: [cursor.outbox, channel, groupID, limit + 1])

        var lines: [TranscriptLine] = []
        var next = cursor
        var m = 0
        var r = 0
        var repliesHeld = false
        while lines.count < limit {
            while r < replies.count, replies[r]["status"] as String == OutboxStatus.failed.rawValue {
                next.outbox = replies[r]["id"]
                r += 1
            }
            if r < replies.count, replies[r]["status"] as String == OutboxStatus.pending.rawValue { repliesHeld = true }
            let message = m < messages.count ? Self.messageLine(messages[m]) : nil
            let reply = !repliesHeld && r < replies.count ? Self.replyLine(replies[r]) : nil
            if let message, reply.map({ message.at <= $0.at }) ?? true {
                lines.append(message)
                next.inbox = message.rowID
                m += 1
            } else if let reply {
                lines.append(reply)
                next.outbox = reply.rowID
                r += 1
            } else {
                break
            }
        }
        // Everything of this group up to the snapshot's last row has been read: jump over the other
        // groups' rows, so the next poll does not walk them again. Ids only grow, so nothing of this
        // group can appear below them later.
        if m == messages.count { next.inbox = max(next.inbox, try Self.lastID(db, "inbox")) }
        if !repliesHeld, r == replies.count { next.outbox = max(next.outbox, try Self.lastID(db, "outbox")) }
        let more = m < messages.count || (!repliesHeld && r < replies.count)
        return TranscriptPage(lines: lines, cursor: next, more: more)
    }

    /// Where a newly opened chat starts: before the last `recentMessages` messages and the replies
    /// queued since the first of them, so the page opens on recent talk, not the group's whole history.
    func transcriptStart(channel: String, groupID: String, recentMessages: Int) throws -> TranscriptCursor {
        let lastReply = try Self.lastID(db, "outbox")
        let recent = try Row.fetchAll(
            db,
            sql: """
                SELECT id, received_at FROM inbox WHERE channel = ? AND group_id = ?
                ORDER BY id DESC LIMIT ?
                """,
            arguments: [channel, groupID, max(1, recentMessages)])
        guard let first = recent.last else {
            // A quiet group starts at the end, so its polls never walk the other groups' history.
            return TranscriptCursor(inbox: try Self.lastID(db, "inbox"), outbox: lastReply)
        }
        let firstID: Int64 = first["id"]
        let receivedAt: Double = first["received_at"]
        var firstReply = try Int64.fetchOne(
            db,
            sql: "SELECT MIN(id) FROM outbox WHERE channel = ? AND target = ? AND created_at >= ?",
            arguments: [channel, groupID, receivedAt])
        // The group's whole talk fits: what the bot said there before anyone wrote (a new item
        // announced to the members' group) opens the chat too, at most as many replies as messages.
        if recent.count < max(1, recentMessages),
            let earlier = try Int64.fetchOne(
                db,
                sql: """
                    SELECT MIN(id) FROM (SELECT id FROM outbox WHERE channel = ? AND target = ? AND id < ?
                    ORDER BY id DESC LIMIT ?)
                    """,
                arguments: [channel, groupID, firstReply ?? lastReply + 1, max(1, recentMessages)])
        {
            firstReply = earlier
        }
        return TranscriptCursor(inbox: firstID - 1, outbox: (firstReply ?? lastReply + 1) - 1)
    }

    private static func lastID(_ db: Database, _ table: String) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM \(table)") ?? 0
    }

    private static func messageLine(_ row: Row) -> TranscriptLine {
        TranscriptLine(
            kind: .message, rowID: row["id"], senderID: row["sender_id"], payload: row["payload"],
            at: Date(timeIntervalSince1970: row["received_at"]))
    }

    private static func replyLine(_ row: Row) -> TranscriptLine {
        let sentAt: Double? = row["sent_at"]
        let createdAt: Double = row["created_at"]
        return TranscriptLine(
            kind: .reply, rowID: row["id"], senderID: nil, payload: row["payload"],
            at: Date(timeIntervalSince1970: sentAt ?? createdAt))
    }
}
