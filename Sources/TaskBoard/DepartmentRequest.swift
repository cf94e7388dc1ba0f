import Foundation
import GRDB

/// One escalation of an item to one department (吹哨报到): the level it went to, the department's own
/// deadline, and when the department first answered and when the item was solved (销号).
public struct DepartmentRequest: Codable, Sendable, Equatable, StoreRecord {
    /// Row id, nil until inserted.
    public var id: Int64?
    public var itemID: Int64
    /// The department's configured name (an alias such as 城管局 is stored as 城管).
    public var department: String
    /// 1 for the first level above the community, one more for each escalation of the same item.
    public var level: Int
    public var raisedBy: Int64?
    public var raisedAt: Date
    /// The department's deadline, from its configured hours; nil when it has none.
    public var dueAt: Date?
    /// The department's first answer.
    public var answeredAt: Date?
    /// The secretary struck the item off (销号) while it waited on this request.
    public var solvedAt: Date?

    /// The table, named explicitly so a type rename never renames the schema.
    public static let databaseTableName = "department_requests"

    public enum CodingKeys: ColumnKey {
        case id, itemID, department, level, raisedBy, raisedAt, dueAt, answeredAt, solvedAt
    }
}

/// Where an escalation goes: the department (nil keeps the one the item waits on), its deadline in
/// hours (nil keeps the item's deadline) and the highest level above the community there is.
public struct Escalation: Sendable, Equatable {
    public var department: String?
    public var deadlineHours: Int?
    public var topLevel: Int

    /// Memberwise.
    public init(department: String?, deadlineHours: Int? = nil, topLevel: Int = 1) {
        self.department = department
        self.deadlineHours = deadlineHours
        self.topLevel = topLevel
    }
}

/// One department's record over a date range: requests raised, answered and solved, the median time
/// to its first answer, and how many of them wait past its deadline now.
public struct DepartmentStats: Sendable, Equatable {
    public var department: String
    public var raised: Int
    public var answered: Int
    public var solved: Int
    public var medianAnswerSeconds: Double?
    public var overdue: Int

    /// Memberwise.
    public init(
        department: String, raised: Int, answered: Int, solved: Int, medianAnswerSeconds: Double?, overdue: Int
    ) {
        self.department = department
        self.raised = raised
        self.answered = answered
        self.solved = solved
        self.medianAnswerSeconds = medianAnswerSeconds
        self.overdue = overdue
    }
}
