import GRDB

extension BoardSchema {
    /// SQLite cannot change a CHECK in place, so the timeline table is rebuilt with `adopted` among
    /// its actions; its rows and ids are copied as they are.
    static func allowAdoptedEvents(_ db: Database) throws {
        try rebuildTimeline(
            db, through: "timeline_events_v4",
            actions: [
                "created", "claimed", "released", "submitted", "verified", "returned", "escalated", "resolved",
                "merged",
                "cancelled", "assigned", "photo_added", "located", "adopted",
            ])
    }

    /// The timeline table rebuilt (through a table named `temporary`) with a CHECK naming `actions`,
    /// its rows and ids copied as they are: how a migration adds timeline actions.
    static func rebuildTimeline(_ db: Database, through temporary: String, actions: [String]) throws {
        try createTimeline(db, named: temporary, actions: actions)
        try db.execute(
            sql: """
                INSERT INTO \(temporary) (id, item_id, actor_id, action, at, note)
                SELECT id, item_id, actor_id, action, at, note FROM timeline_events
                """)
        try db.drop(table: "timeline_events")
        try db.rename(table: temporary, to: "timeline_events")
        try db.create(index: "timeline_events_on_item_id", on: "timeline_events", columns: ["item_id", "at"])
    }

    /// The timeline table with a CHECK naming the `actions` of its time: each migration passes the
    /// list as it stood then, so replaying history builds the same schema.
    static func createTimeline(_ db: Database, named name: String, actions: [String]) throws {
        try db.create(table: name) { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("item_id", .integer).notNull().references("items")
            t.column("actor_id", .integer).references("members")
            t.column("action", .text).notNull()
                .check(sql: "action IN (\(actions.map { "'\($0)'" }.joined(separator: ", ")))")
            t.column("at", .double).notNull()
            t.column("note", .text)
        }
    }
}
