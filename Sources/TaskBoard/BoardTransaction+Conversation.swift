import Foundation
import GRDB

// The server's memory of recent talk in a group. The window itself is the server's; the joining
// rules are the parser's pure thread function.
extension BoardTransaction {
    /// Remembers a handled message.
    @discardableResult
    public func recordTurn(_ turn: ConversationTurn) throws -> ConversationTurn {
        var turn = turn
        try turn.insert(db)
        return turn
    }

    /// One sender's turns in a group since `since`, in time order; with `limit`, only the newest
    /// that many. Only the sender's own messages ever join theirs (a photo joins its sender's text),
    /// so the work per message grows with what that sender said in the window, not with the group's
    /// traffic, and `limit` bounds even that for a sender who floods the window.
    public func turns(channel: String, groupID: String, senderID: String, since: Date, limit: Int? = nil) throws
        -> [ConversationTurn]
    {
        let request =
            ConversationTurn
            .filter(ConversationTurn.CodingKeys.channel == channel && ConversationTurn.CodingKeys.groupID == groupID)
            .filter(ConversationTurn.CodingKeys.senderID == senderID)
            .filter(ConversationTurn.CodingKeys.at >= Self.seconds(since))
        guard let limit else {
            return try request.order(ConversationTurn.CodingKeys.at, ConversationTurn.CodingKeys.id).fetchAll(db)
        }
        return try request.order(ConversationTurn.CodingKeys.at.desc, ConversationTurn.CodingKeys.id.desc)
            .limit(limit).fetchAll(db).reversed()
    }

    /// Whether the sender has a photo-only turn still waiting since `since` (one index probe:
    /// `conversation_turns_parked_by_sender`). Without one, a text has nothing to join.
    public func hasParkedTurn(channel: String, groupID: String, senderID: String, since: Date) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT EXISTS (SELECT 1 FROM conversation_turns INDEXED BY conversation_turns_parked_by_sender
                    WHERE channel = ? AND group_id = ?
                    AND sender_id = ? AND at >= ? AND state = 'parked')
                    """), arguments: [channel, groupID, senderID, Self.seconds(since)]) ?? false
    }

    /// Photo-only turns still waiting whose window ended before `before`.
    public func parkedTurns(before: Date) throws -> [ConversationTurn] {
        try ConversationTurn
            .filter(ConversationTurn.CodingKeys.state == TurnState.parked.rawValue)
            .filter(ConversationTurn.CodingKeys.at < Self.seconds(before))
            .order(ConversationTurn.CodingKeys.at)
            .fetchAll(db)
    }

    /// Settles a turn: it joined an item, or it belonged to nothing (item nil).
    public func settleTurn(id: Int64, itemID: Int64?) throws {
        try db.execute(
            sql: "UPDATE conversation_turns SET state = 'done', item_id = ? WHERE id = ?", arguments: [itemID, id])
    }

    /// Asks the sender for a missing part of an item; the next message may answer it.
    public func askQuestion(channel: String, groupID: String, senderID: String, itemID: Int64) throws {
        try db.execute(
            sql: """
                INSERT INTO questions (channel, group_id, sender_id, item_id, field, asked_at)
                VALUES (?, ?, ?, ?, 'place', ?)
                """, arguments: [channel, groupID, senderID, itemID, Self.seconds(now)])
    }

    /// The sender's newest unanswered question asked since `since`, as (question id, item id).
    public func openQuestion(channel: String, groupID: String, senderID: String, since: Date) throws
        -> (id: Int64, itemID: Int64)?
    {
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT id, item_id FROM questions
                WHERE channel = ? AND group_id = ? AND sender_id = ? AND answered_at IS NULL AND asked_at >= ?
                ORDER BY asked_at DESC, id DESC LIMIT 1
                """, arguments: [channel, groupID, senderID, Self.seconds(since)])
        guard let row else { return nil }
        return (row["id"], row["item_id"])
    }

    /// Closes a question, answered or superseded.
    public func answerQuestion(id: Int64) throws {
        try db.execute(sql: "UPDATE questions SET answered_at = ? WHERE id = ?", arguments: [Self.seconds(now), id])
    }

    /// Holds a message for the secretary.
    @discardableResult
    public func addReview(_ entry: ReviewEntry) throws -> ReviewEntry {
        var entry = entry
        try entry.insert(db)
        return entry
    }

    /// Reviews in a status, oldest first.
    public func reviews(status: ReviewStatus, limit: Int) throws -> [ReviewEntry] {
        try ReviewEntry.filter(ReviewEntry.CodingKeys.status == status.rawValue)
            .order(ReviewEntry.CodingKeys.createdAt, ReviewEntry.CodingKeys.id)
            .limit(limit)
            .fetchAll(db)
    }
}
