import GRDB

extension BoardSchema {
    /// Wishes wait for approval (`items.approved_at`); those filed before there was approval were
    /// published when filed. The index serves the weekly publication (open approved wishes, oldest first).
    static func addWishApproval(_ db: Database) throws {
        try db.alter(table: "items") { t in t.add(column: "approved_at", .double) }
        try db.execute(sql: "UPDATE items SET approved_at = created_at WHERE kind = 'wish'")
        try db.create(
            index: "items_on_kind_status_approved_at", on: "items", columns: ["kind", "status", "approved_at"])
    }
}
