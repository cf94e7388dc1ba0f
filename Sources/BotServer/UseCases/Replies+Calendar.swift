import Foundation
import TaskBoard

/// The calendar's words: reminders before and after a deadline, the overdue digest, a stalled claim
/// and its release. Each names the item as every other reply does (number, topic, place, due).
extension Replies {
    /// "#12 距办结时限还有 18 小时", to the claimant.
    func dueSoon(_ item: Item, claimant: Member, now: Date) throws -> ReplyDraft {
        let hours = max(1, Int(((item.dueAt ?? now).timeIntervalSince(now) / 3600).rounded(.down)))
        let view = CalendarItemView(try itemLine(item), hours: hours)
        return ReplyDraft(text: try render(.dueSoon, view), mentions: [claimant.platformID])
    }

    /// "#12 已超期", to whoever must act: the claimant, the grid's workers, the secretaries.
    func overdue(_ item: Item, claimant: Member?, notify people: [String]) throws -> ReplyDraft {
        var view = CalendarItemView(try itemLine(item))
        view.claimant = claimant?.name
        return ReplyDraft(text: try render(.overdue, view), mentions: people)
    }

    /// The secretary's morning list of items past their deadline, oldest first, and apart from them
    /// those past the deadline of the department they wait on (等待部门超期), to chase.
    func overdueDigest(_ items: [Item], atDepartments: [Item], now: Date, secretaries: [String]) throws
        -> ReplyDraft
    {
        func lines(_ items: [Item]) throws -> [CalendarItemView.Line] {
            try items.map { item in
                var line = try itemLine(item)
                line.late = Self.days(from: item.dueAt ?? now, to: now)
                line.department = item.escalatedTo
                return line
            }
        }
        let view = OverdueDigestView(
            count: items.isEmpty ? nil : items.count, items: try lines(items),
            departmentCount: atDepartments.isEmpty ? nil : atDepartments.count, atDepartments: try lines(atDepartments))
        return ReplyDraft(text: try render(.overdueDigest, view), mentions: secretaries)
    }

    /// A claim with no progress for `days`: the claimant is asked to finish or give it back.
    func stalled(_ item: Item, claimant: Member, days: Int) throws -> ReplyDraft {
        let view = CalendarItemView(try itemLine(item), days: days)
        return ReplyDraft(text: try render(.stalled, view), mentions: [claimant.platformID])
    }

    /// The claim was taken back: said to the former claimant.
    func expired(_ item: Item, formerClaimant: Member?) throws -> ReplyDraft {
        let view = CalendarItemView(try itemLine(item), days: config.schedule.stallDays + 1)
        return ReplyDraft(text: try render(.expired, view), mentions: [formerClaimant?.platformID].compactMap { $0 })
    }

    /// The item is open for a claim again: said to the members' groups.
    func reopened(_ item: Item) throws -> ReplyDraft {
        ReplyDraft(text: try render(.reopened, CalendarItemView(try itemLine(item))), mentions: [])
    }

    private func itemLine(_ item: Item) throws -> CalendarItemView.Line {
        CalendarItemView.Line(
            item: item.number, topic: labels.topic(of: item), place: try place(of: item), due: due(item.dueAt))
    }

    /// Whole days late, at least one: "超期 1 天" reads better than "0 天" on the morning after.
    private static func days(from start: Date, to end: Date) -> Int {
        max(1, Int((end.timeIntervalSince(start) / 86_400).rounded(.down)))
    }
}

/// What the calendar's templates read.
struct CalendarItemView: Sendable {
    struct Line: Sendable {
        var item: Int64
        var topic: String
        var place: String
        var due: String
        var late: Int?
        /// The department an escalated item waits on.
        var department: String? = nil
    }

    var line: Line
    var hours: Int?
    var days: Int?
    var claimant: String?

    init(_ line: Line, hours: Int? = nil, days: Int? = nil) {
        self.line = line
        self.hours = hours
        self.days = days
    }
}

struct OverdueDigestView: Sendable {
    /// Nil when nothing is late against the community.
    var count: Int?
    var items: [CalendarItemView.Line]
    /// Nil when nothing waits on a department past its deadline.
    var departmentCount: Int?
    var atDepartments: [CalendarItemView.Line]
}

/// The weekly 研判 report and the champions' lines.
extension Replies {
    /// `gridName` names a grid id as the community calls it (the router knows).
    func weekReport(
        _ report: WeekReport, gridName: (String) -> String?, secretaries: [String]
    ) throws -> ReplyDraft {
        let days = config.calendar.date(byAdding: .day, value: -1, to: report.end) ?? report.end
        let view = WeekReportView(
            from: config.format(report.start, pattern: labels.word(.dayFormat)),
            to: config.format(days, pattern: labels.word(.dayFormat)),
            reported: report.reported, closed: report.closed,
            onTime: report.onTimeRate.map { "\(Int(($0 * 100).rounded()))" },
            categories: tally(report.categories) { labels.category($0) },
            grids: tally(report.grids) { $0.flatMap(gridName) ?? labels.word(.communityGrid) },
            escalations: tally(report.escalations) { $0 ?? labels.word(.unknownName) },
            hasOverdue: !report.overdue.isEmpty, overdueCount: report.overdue.count,
            overdue: try report.overdue.map { item in try itemLine(item) },
            reportsChampion: report.reportsChampion.map { championView($0, of: .reports) },
            serviceChampion: report.serviceChampion.map { championView($0, of: .service) })
        return ReplyDraft(text: try render(.weekReport, view), mentions: secretaries)
    }

    /// "上周社情民意积分冠军：叶强（12 条问题 + 1 条建议）", to the champion.
    func champion(_ row: LeaderRow, of board: PointsBoard) throws -> ReplyDraft {
        ReplyDraft(text: try render(.champion, championView(row, of: board)), mentions: [row.member.platformID])
    }

    func championView(_ row: LeaderRow, of board: PointsBoard) -> ChampionView {
        ChampionView(
            name: row.member.name, points: row.points, reports: board == .reports,
            parts: contributionParts(row.contribution, of: board))
    }

    /// "井盖 3、排水 2"; nil when there is nothing to list.
    private func tally(_ rows: [CountRow], _ name: (String?) -> String) -> String? {
        guard !rows.isEmpty else { return nil }
        return rows.map { "\(name($0.label)) \($0.count)" }.joined(separator: labels.word(.listSeparator))
    }
}

struct WeekReportView: Sendable {
    /// The first and last day of the week reviewed.
    var from: String
    var to: String
    var reported: Int
    var closed: Int
    /// Closed on time, in whole percent; nil when nothing was closed.
    var onTime: String?
    var categories: String?
    var grids: String?
    var escalations: String?
    var hasOverdue: Bool
    var overdueCount: Int
    var overdue: [CalendarItemView.Line]
    var reportsChampion: ChampionView?
    var serviceChampion: ChampionView?
}

/// A board's champion: what they did ("12 条问题 + 1 条建议"), or their points when nothing was counted.
struct ChampionView: Sendable {
    var name: String
    var points: Int
    /// The 社情民意 board's champion; else the 志愿服务 board's.
    var reports: Bool
    var parts: [ContributionPartView]
}
