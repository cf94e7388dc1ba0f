/// One line of the members page: who, their points, and how their year stands.
public struct MemberSummary: Sendable, Equatable {
    public var member: Member
    /// Points per board and in total, summed from the ledger now.
    public var balance: Balance
    /// Tasks the member completed and had verified since the year's start.
    public var tasksCompleted: Int
    /// Activities the member attended since the year's start.
    public var activities: Int
    /// Whether the yearly duty applies: party members only.
    public var hasDuty: Bool
    /// A party member with at least one activity and one completed task this year; false for
    /// everyone without the duty.
    public var dutyMet: Bool
    /// A registration waiting for the secretary's approval.
    public var pendingRegistration: Bool

    /// Memberwise.
    public init(
        member: Member, balance: Balance, tasksCompleted: Int, activities: Int, hasDuty: Bool, dutyMet: Bool,
        pendingRegistration: Bool
    ) {
        self.member = member
        self.balance = balance
        self.tasksCompleted = tasksCompleted
        self.activities = activities
        self.hasDuty = hasDuty
        self.dutyMet = dutyMet
        self.pendingRegistration = pendingRegistration
    }
}
