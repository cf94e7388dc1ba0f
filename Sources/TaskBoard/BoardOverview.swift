import Foundation

/// The board's front page: the state of things now and the week so far, as the secretary reviews
/// it every week (meizhou yanpan). Every value is stored, not computed, so a template can read it.
public struct BoardOverview: Sendable, Equatable {
    /// The start of the week counted.
    public var weekStart: Date

    /// Items waiting for a claimant now.
    public var open: Int
    /// Items held by a claimant now.
    public var claimed: Int
    /// Items reported done, awaiting verification.
    public var submitted: Int
    /// Items handed to the street office or a department, not yet resolved.
    public var escalated: Int
    /// Items still needing work whose deadline has passed.
    public var overdue: Int

    /// Items reported since `weekStart`, whatever became of them (duplicates and cancellations included).
    public var reportedThisWeek: Int
    /// Of those, how many are closed now.
    public var reportedThisWeekClosed: Int
    /// `reportedThisWeekClosed ÷ reportedThisWeek`, nil when nothing was reported. Closings this week
    /// divided by reports this week would mix last week's reports in and can pass 100%.
    public var resolutionRate: Double?
    /// Items closed (verified or resolved, not cancelled) since `weekStart`, whenever reported.
    public var closedThisWeek: Int
    /// The median of reported-to-closed over `closedThisWeek`, in seconds; nil when none closed.
    public var medianSecondsToClose: Double?
    /// The week's reports per category, most first, then by name.
    public var categories: [CountRow]
    /// The week's reports per grid, most first, then by name.
    public var grids: [CountRow]
    /// The week's leader in points on the reports and service boards; for a grid view, points earned
    /// on items of those grids. Nil when nobody earned any.
    public var champion: LeaderRow?

    /// Memberwise.
    public init(
        weekStart: Date, open: Int, claimed: Int, submitted: Int, escalated: Int, overdue: Int,
        reportedThisWeek: Int, reportedThisWeekClosed: Int, resolutionRate: Double?, closedThisWeek: Int,
        medianSecondsToClose: Double?, categories: [CountRow], grids: [CountRow], champion: LeaderRow?
    ) {
        self.weekStart = weekStart
        self.open = open
        self.claimed = claimed
        self.submitted = submitted
        self.escalated = escalated
        self.overdue = overdue
        self.reportedThisWeek = reportedThisWeek
        self.reportedThisWeekClosed = reportedThisWeekClosed
        self.resolutionRate = resolutionRate
        self.closedThisWeek = closedThisWeek
        self.medianSecondsToClose = medianSecondsToClose
        self.categories = categories
        self.grids = grids
        self.champion = champion
    }
}
