import GRDB

extension BoardSchema {
    /// Board logins survive a restart.
    static func createSessions(_ db: Database) throws {
    }
}
