import GRDB

extension BoardSchema {
    /// Board logins survive a restart. Only a hash of the cookie's token is kept, so a copy of the
    /// database does not log anyone in.
    static func createSessions(_ db: Database) throws {
        try db.create(table: "board_sessions") { t in
            t.primaryKey("token_hash", .text)
            t.column("user_name", .text).notNull()
            t.column("csrf_token", .text).notNull()
            t.column("created_at", .double).notNull()
            t.column("expires_at", .double).notNull()
            t.column("last_seen_at", .double).notNull()
        }
        try db.create(index: "board_sessions_on_expires_at", on: "board_sessions", columns: ["expires_at"])
    }
}
