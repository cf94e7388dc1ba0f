import GRDB

extension BoardSchema {
    /// What the scheduler remembers across restarts: the last slot each job ran for, and each
    /// reminder sent, so neither is ever sent twice.
    static func createSchedule(_ db: Database) throws {
        try db.create(table: "job_runs") { t in
            t.primaryKey("name", .text)
            t.column("last_slot", .double).notNull()
            t.column("ran_at", .double).notNull()
        }
        try db.create(table: "reminders") { t in
            t.column("item_id", .integer).notNull().references("items", onDelete: .cascade)
            t.column("kind", .text).notNull()
            // The claim or deadline the reminder is about: a new claim or a new deadline is reminded anew.
            t.column("cycle", .double).notNull()
            t.column("sent_at", .double).notNull()
            t.primaryKey(["item_id", "kind", "cycle"])
        }
    }
}
