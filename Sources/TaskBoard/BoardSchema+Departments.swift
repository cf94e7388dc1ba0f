import GRDB

extension BoardSchema {
    /// 吹哨报到 to named departments: each escalation is a request to one department at one level, with
    /// its own deadline, first answer and solving, so the board can count per department what was
    /// raised, answered and solved. The timeline gains the department's answers and the chases.
    static func createDepartmentRequests(_ db: Database) throws {
        try rebuildTimeline(
            db, through: "timeline_events_v8",
            actions: [
                "created", "claimed", "released", "submitted", "verified", "returned", "escalated", "resolved",
                "merged", "cancelled", "assigned", "photo_added", "located", "adopted", "department_answered",
                "chased",
            ])

        try db.create(table: "department_requests") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("item_id", .integer).notNull().references("items")
            t.column("department", .text).notNull().check(sql: "department <> ''")
            // 1 is the first level above the community (the street), 2 the next (the district) …
            t.column("level", .integer).notNull().check(sql: "level >= 1")
            t.column("raised_by", .integer).references("members")
            t.column("raised_at", .double).notNull()
            t.column("due_at", .double)
            t.column("answered_at", .double)
            t.column("solved_at", .double)
            t.check(sql: "answered_at IS NULL OR answered_at >= raised_at")
        }
        // The item's current request (its latest), and the stats of a date range per department.
        try db.create(index: "department_requests_on_item_id", on: "department_requests", columns: ["item_id", "id"])
        try db.create(
            index: "department_requests_on_raised_at", on: "department_requests",
            columns: ["raised_at", "department"])
    }
}
