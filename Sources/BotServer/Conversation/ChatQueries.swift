import Foundation
import IntentParser
import TaskBoard

/// Questions asked in chat ("我的积分", "积分榜", "我的任务", "#12 进度", "帮助"): reads, answered to the sender.
struct ChatQueries {
    let replies: Replies
    let tx: BoardTransaction
    let member: Member
    /// The question as written: names the category of "我上周报的井盖修了没", which the parser's
    /// reading of a question does not carry.
    var text = ""
    /// Names grids as the community calls them (the weekly report lists them).
    var router: PlaceRouter?

    var memberID: Int64 { member.id ?? 0 }
    var labels: Labels { replies.labels }

    func answer(_ parsed: ParseResult) throws -> ReplyDraft {
        switch parsed.query ?? .help {
        case .points:
            let balance = try tx.balance(memberID: memberID)
            let boards = PointsBoard.allCases.compactMap { board -> BoardPointsView? in
                guard let points = balance.byBoard[board], points != 0 else { return nil }
                return BoardPointsView(label: labels.board(board), points: points)
            }
            return try toSender(.points, PointsView(name: member.name, total: balance.total, boards: boards))
        case .leaderboard:
            let since = replies.config.startOfWeek(containing: tx.now)
            let rows = try tx.leaderboard(since: since, limit: 10)
            let view = LeaderboardView(
                title: labels.word(.leaderboardWeek),
                rows: rows.enumerated().map {
                    LeaderRowView(rank: $0.offset + 1, name: $0.element.member.name, points: $0.element.points)
                })
            return try toSender(.leaderboard, view)
        case .todo:
            return try work()
        case .itemStatus:
            let item: Item
            if let ref = parsed.itemRef {
                guard let found = try tx.item(id: Int64(ref)) else { throw BoardError.noSuchItem(Int64(ref)) }
                item = found
            } else {
                guard let latest = try latestReport(matching: parsed) else {
                    return try toSender(
                        .noReportFound,
                        NoReportView(
                            category: namedCategory(parsed).map(labels.category), example: labels.word(.exampleStatus)))
                }
                item = latest
            }
            let claimant = try item.claimantID.flatMap { try tx.member(id: $0) }
            return try toSender(
                .itemStatus,
                ItemStatusView(
                    id: item.number, category: replies.labels.topic(of: item), place: try replies.place(of: item),
                    status: labels.status(item.status), claimant: claimant?.name,
                    reportedAt: parsed.itemRef == nil ? replies.due(item.createdAt) : nil))
        case .help:
            return try toSender(.help, EmptyView())
        case .weekReport:
            return try weekReport()
        case .yearlyDuty:
            return try yearlyDuty()
        }
    }

    private func toSender(_ template: ReplyTemplate, _ view: Any) throws -> ReplyDraft {
        try replies.toSender(member, template, view)
    }
}
