import GRDB

extension BoardSchema {
    /// A wish's approval on the timeline (`approved`), and photos that belong to a report joined to an
    /// item (`photos.joined_report_id`): kept with the item, so they are downloaded and shown on its
    /// page beside the joined report, and move with it when it is split off. The joined reports' photos
    /// of before are given their rows now.
    static func addItemNews(_ db: Database) throws {
        try rebuildTimeline(
            db, through: "timeline_events_v13",
            actions: [
                "created", "claimed", "released", "submitted", "verified", "returned", "escalated", "resolved",
                "merged", "cancelled", "assigned", "photo_added", "located", "adopted", "department_answered",
                "chased", "joined", "split", "reopened", "approved",
            ])
        try db.alter(table: "photos") { t in
            t.add(column: "joined_report_id", .integer).references("joined_reports")
        }
        try db.execute(
            sql: """
                INSERT INTO photos (item_id, url, added_at, added_by, status, attempts, next_attempt_at, joined_report_id)
                SELECT j.item_id, e.value, j.created_at, j.reporter_id, 'pending', 0, 0, j.id
                FROM joined_reports j, json_each(j.image_urls) e
                WHERE j.split_item_id IS NULL AND e.type = 'text'
                """)
    }
}
