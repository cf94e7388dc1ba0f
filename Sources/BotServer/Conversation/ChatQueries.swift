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
    let router: PlaceRouter
    /// The kind of group asked in: decides which points board "积分榜" shows.
    var group: GroupRole?

    var memberID: Int64 { member.id ?? 0 }
    var labels: Labels { replies.labels }

    func answer(_ parsed: ParseResult) throws -> ReplyDraft {
        switch parsed.query ?? .help {
        case .points:
            return try points()
        case .leaderboard:
            return try leaderboard(parsed)
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
