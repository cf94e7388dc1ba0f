import Foundation
import GRDB

/// What one change to the community's set-up did.
public struct SetupChange: Sendable, Equatable {
    /// A code the board words (`estate.add`, `role.promote` …).
    public var action: String
    /// What it was done to (an estate's name, a member, a group).
    public var subject: String
    /// The values it set, for the reader.
    public var detail: String

    public init(action: String, subject: String, detail: String = "") {
        self.action = action
        self.subject = subject
        self.detail = detail
    }
}

/// One change in the audit log: who made it and when.
public struct AuditEntry: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var at: Date
    /// The board user (or `import`) who made the change.
    public var actor: String
    public var change: SetupChange

    init(row: Row) {
        id = row["id"]
        at = Date(timeIntervalSince1970: row["at"])
        actor = row["actor"]
        change = SetupChange(action: row["action"], subject: row["subject"], detail: row["detail"])
    }
}
