import GRDB

extension BoardSchema {
    /// The conversation window reads one sender's recent turns: an index that leads with them.
    static func indexTurnsBySender(_ db: Database) throws {
        try db.create(
            index: "conversation_turns_on_sender_at", on: "conversation_turns",
            columns: ["channel", "group_id", "sender_id", "at"])
    }

    /// A text asks only whether its sender has a photo still parked: a partial index keeps that one
    /// probe however much the sender said.
    static func indexParkedTurnsBySender(_ db: Database) throws {
        try db.create(
            index: "conversation_turns_parked_by_sender", on: "conversation_turns",
            columns: ["channel", "group_id", "sender_id", "at"], condition: Column("state") == "parked")
    }
}
