import GRDB

extension BoardSchema {
    /// Background photo downloads: each photo's download state, so a failed fetch is retried and shown.
    static func createPhotoDownloads(_ db: Database) throws {
        try db.alter(table: "photos") { t in
            t.add(column: "status", .text).notNull().defaults(to: "pending")
                .check(sql: "status IN ('pending', 'stored', 'failed')")
            t.add(column: "attempts", .integer).notNull().defaults(to: 0).check(sql: "attempts >= 0")
            // 0 makes photos waiting since before this migration due at once.
            t.add(column: "next_attempt_at", .double).notNull().defaults(to: 0)
            t.add(column: "last_error", .text)
            t.add(column: "content_type", .text)
            t.add(column: "byte_size", .integer)
            t.add(column: "thumb_path", .text)
        }
        // Photos an older server already stored must not be fetched again.
        try db.execute(sql: "UPDATE photos SET status = 'stored' WHERE local_path IS NOT NULL")
        try db.create(
            index: "photos_on_status_next_attempt_at", on: "photos", columns: ["status", "next_attempt_at"])
    }
}
