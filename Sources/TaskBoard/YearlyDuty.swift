/// 两个至少1次: each year a party member attends at least one community activity and completes at
/// least one task (design section 1). The seeds publish it as a fixed rule, so it is not configured.
public struct YearlyDuty: Sendable, Equatable {
    public static let activitiesRequired = 1
    public static let tasksRequired = 1

    /// Activities attended since the year's start.
    public var activities: Int
    /// Tasks completed and verified since the year's start.
    public var tasks: Int

    public init(activities: Int, tasks: Int) {
        self.activities = activities
        self.tasks = tasks
    }

    public var isMet: Bool { activities >= Self.activitiesRequired && tasks >= Self.tasksRequired }
}
