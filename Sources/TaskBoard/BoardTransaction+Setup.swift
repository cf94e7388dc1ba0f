import Foundation
import GRDB

extension BoardTransaction {
    /// Every section the board has edited, by name, as stored (JSON).
    public func setupSections() throws -> [String: String] {
        let rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT name, body FROM setup_sections"))
        return Dictionary(uniqueKeysWithValues: rows.map { ($0["name"], $0["body"]) })
    }

    /// Replaces one section of the set-up and logs the change, in this transaction.
    public func saveSetupSection(_ name: String, body: String, by actor: String, change: SetupChange) throws {
        try db.execute(
            sql: """
                INSERT INTO setup_sections (name, body, updated_at, updated_by) VALUES (?, ?, ?, ?)
                ON CONFLICT(name) DO UPDATE SET
                  body = excluded.body, updated_at = excluded.updated_at, updated_by = excluded.updated_by
                """, arguments: [name, body, Self.seconds(now), actor])
        try audit(change, by: actor)
    }

    /// Drops a section: the file's applies again.
    public func removeSetupSection(_ name: String, by actor: String, change: SetupChange) throws {
        try db.execute(sql: "DELETE FROM setup_sections WHERE name = ?", arguments: [name])
        try audit(change, by: actor)
    }

    /// Logs a change to the set-up, stamped with the transaction's time.
    public func audit(_ change: SetupChange, by actor: String) throws {
        try db.execute(
            sql: "INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)",
            arguments: [Self.seconds(now), actor, change.action, change.subject, change.detail])
    }

    /// The audit log, newest first, one page.
    public func auditLog(limit: Int, offset: Int = 0) throws -> [AuditEntry] {
        try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM audit_log ORDER BY id DESC LIMIT ? OFFSET ?"),
            arguments: [limit, offset]
        ).map(AuditEntry.init(row:))
    }

    public func auditLogCount() throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM audit_log")) ?? 0
    }
}
