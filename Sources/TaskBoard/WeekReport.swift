import Foundation

/// The weekly 研判 (review) of a past period, as the secretary reads it on Monday morning: what came
/// in, what was closed and how much of it on time, what went to departments, what is late now, and
/// the period's champions of both point boards.
public struct WeekReport: Sendable, Equatable {
    public var start: Date
    public var end: Date
    /// Items reported in the period, whatever became of them.
    public var reported: Int
    /// Items closed (verified or resolved) in the period, whenever reported.
    public var closed: Int
    /// Of those, closed by their deadline.
    public var closedOnTime: Int
    /// Escalations in the period by where they went (街道, 城管 …); nil label when none was named.
    public var escalations: [CountRow]
    /// The period's reports per category and per grid, most first.
    public var categories: [CountRow]
    public var grids: [CountRow]
    /// Items past their deadline at the end of the period, oldest deadline first (at most a page).
    public var overdue: [Item]
    /// The period's leaders of 社情民意 (reports) and 志愿服务 (service) points.
    public var reportsChampion: LeaderRow?
    public var serviceChampion: LeaderRow?

    /// `closedOnTime ÷ closed`; nil when nothing was closed.
    public var onTimeRate: Double? { closed == 0 ? nil : Double(closedOnTime) / Double(closed) }
}
