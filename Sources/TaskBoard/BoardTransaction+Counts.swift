import GRDB

// Counts for health checks and tests, without fetching rows.
extension BoardTransaction {
    /// Inbox rows, optionally in one state.
    public func inboxCount(state: InboxState? = nil) throws -> Int {
        if let state {
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM inbox WHERE state = ?", arguments: [state.rawValue])
                ?? 0
        }
        return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM inbox") ?? 0
    }

    /// Outbox rows, optionally in one status.
    public func outboxCount(status: OutboxStatus? = nil) throws -> Int {
        if let status {
            return try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM outbox WHERE status = ?", arguments: [status.rawValue]) ?? 0
        }
        return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox") ?? 0
    }
}
