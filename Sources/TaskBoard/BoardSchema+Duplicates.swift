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
        try rebuildTimeline(
            db, through: "timeline_events_v9",
            actions: [
                "created", "claimed", "released", "submitted", "verified", "returned", "escalated", "resolved",
                "merged", "cancelled", "assigned", "photo_added", "located", "adopted", "department_answered",
                "chased", "joined", "split", "reopened",
            ])
    }
}
