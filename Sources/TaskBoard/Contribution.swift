/// What a member did in a period, behind their points: the champion's line says "12 条问题 + 1 条建议"
/// or "完成 3 项任务", as the communities praise their best.
public struct Contribution: Sendable, Equatable {
    /// Issues reported and still standing (not merged into another, not cancelled).
    public var issues: Int
    /// Suggestions made and still standing.
    public var suggestions: Int
    /// Suggestions the community adopted in the period.
    public var adopted: Int
    /// Tasks whose work was verified and paid in the period.
    public var tasks: Int

    /// Memberwise; all zero by default.
    public init(issues: Int = 0, suggestions: Int = 0, adopted: Int = 0, tasks: Int = 0) {
        self.issues = issues
        self.suggestions = suggestions
        self.adopted = adopted
        self.tasks = tasks
    }
}
