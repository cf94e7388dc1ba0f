import Foundation
import GRDB

extension BoardSchema {
    /// Reports joined to an item they duplicate, and the timeline actions of joining, splitting and
    /// reopening. (The duplicate lookup reads `items_on_category_created_at`, there since v2.)
    static func createDuplicates(_ db: Database) throws {
        try db.create(table: "joined_reports") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("item_id", .integer).notNull().references("items")
            t.column("reporter_id", .integer).notNull().references("members")
            t.column("category", .text)
            t.column("place", .text).notNull()
            t.column("text", .text).notNull()
            t.column("image_urls", .text).notNull()
            t.column("explicit", .boolean).notNull()
            t.column("created_at", .double).notNull()
            t.column("source_channel", .text)
            t.column("source_group", .text)
            t.column("source_message_id", .text)
            t.column("split_item_id", .integer).references("items")
            t.column("notified_at", .double)
        }
        try db.create(index: "joined_reports_on_item_id", on: "joined_reports", columns: ["item_id", "id"])
        try allowTimelineActions(db, ["joined", "split", "reopened"])
    }

    /// Rebuilds the timeline table with `added` among the actions its CHECK allows, keeping every
    /// action the table allows now. Read from the table itself rather than listed here, so that
    /// migrations of parallel branches each adding their own actions keep each other's, whatever
    /// order they are merged in.
    static func allowTimelineActions(_ db: Database, _ added: [String]) throws {
        let sql =
            try String.fetchOne(
                db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'timeline_events'") ?? ""
        var actions = allowedActions(inTableSQL: sql)
        for action in added where !actions.contains(action) { actions.append(action) }
        try createTimeline(db, named: "timeline_events_rebuilt", actions: actions)
        try db.execute(
            sql: """
                INSERT INTO timeline_events_rebuilt (id, item_id, actor_id, action, at, note)
                SELECT id, item_id, actor_id, action, at, note FROM timeline_events
                """)
        try db.drop(table: "timeline_events")
        try db.rename(table: "timeline_events_rebuilt", to: "timeline_events")
        try db.create(index: "timeline_events_on_item_id", on: "timeline_events", columns: ["item_id", "at"])
    }

    /// The quoted names of `action IN ('created', …)` in a table's CREATE statement.
    static func allowedActions(inTableSQL sql: String) -> [String] {
        guard let start = sql.range(of: "action IN (") else { return [] }
        let rest = sql[start.upperBound...]
        guard let end = rest.firstIndex(of: ")") else { return [] }
        return rest[..<end].split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "'"))
        }
    }
}
