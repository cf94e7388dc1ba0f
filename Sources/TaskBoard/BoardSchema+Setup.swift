import GRDB

extension BoardSchema {
    /// A community set up on the board: each section of the set-up the board edited (places, people,
    /// groups, settings) replaces the file's, and every change is in the audit log.
    static func createSetup(_ db: Database) throws {
        try db.create(table: "setup_sections") { t in
            t.primaryKey("name", .text)
            // The section as JSON, in the shape of its YAML file, so an export writes it unchanged.
            t.column("body", .text).notNull()
            t.column("updated_at", .double).notNull()
            t.column("updated_by", .text).notNull()
        }
        try db.create(table: "audit_log") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("at", .double).notNull()
            t.column("actor", .text).notNull()
            t.column("action", .text).notNull()
            t.column("subject", .text).notNull()
            t.column("detail", .text).notNull().defaults(to: "")
        }
    }
}
