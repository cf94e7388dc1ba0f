import GRDB

extension BoardSchema {
    /// Attempts are counted when they begin, not when they end, so work that kills the process is
    /// seen after the restart: inbox rows count attempts begun; outbox and photo rows already count
    /// attempts finished, so they gain a count of attempts begun beside it.
    static func createCrashGuard(_ db: Database) throws {
        try db.alter(table: "inbox") { t in
            t.add(column: "attempts", .integer).notNull().defaults(to: 0).check(sql: "attempts >= 0")
            t.add(column: "quarantined_at", .double)
        }
        for table in ["outbox", "photos"] {
            try db.alter(table: table) { t in
                t.add(column: "begun", .integer).notNull().defaults(to: 0).check(sql: "begun >= 0")
                t.add(column: "quarantined_at", .double)
            }
            // Rows written before this migration have finished every attempt they counted.
            try db.execute(sql: "UPDATE \(table) SET begun = attempts")
        }
        try db.create(
            index: "inbox_on_quarantined_at", on: "inbox", columns: ["quarantined_at"],
            condition: Column("quarantined_at") != nil)
    }
}
