import Foundation
import IntentParser
import TaskBoard

extension ChatQueries {
    /// How many claimable items "有单吗" lists: a chat message, not the board.
    static let openListLimit = 10

    /// "待办" / "有单吗" / "待认领": the asker's own open claims, then what is open to claim, the
    /// earliest deadline first, so one question answers both readings.
    func work() throws -> ReplyDraft {
        let own = try tx.todo(memberID: memberID).map {
            ItemStatusView(
                id: $0.number, category: labels.topic(of: $0), place: try replies.place(of: $0),
                status: labels.status($0.status))
        }
        var claimable = ItemQuery(
            statuses: [.open], kinds: [.issue, .wish], sort: .dueSoonest, limit: Self.openListLimit)
        claimable.approvedOnly = true
        let page = try tx.searchItems(claimable)
        let open = try page.items.map {
            OpenItemView(
                id: $0.number, category: labels.topic(of: $0), place: try replies.place(of: $0),
                due: replies.due($0.dueAt))
        }
        let view = TodoView(
            name: member.name, count: own.count, items: own, hasOwn: !own.isEmpty, openCount: page.total,
            open: open, hasOpen: !open.isEmpty, more: page.total > open.count, shown: open.count)
        return try replies.toSender(member, .todo, view)
    }

    /// "我上周报的井盖修了没": the asker's latest report of the category and estate the question
    /// names (any, when it names none); nil when they reported no such thing.
    func latestReport(matching parsed: ParseResult) throws -> Item? {
        let query = ItemQuery(
            category: namedCategory(parsed), estate: parsed.place?.estate, reporterID: memberID, sort: .newest,
            limit: 1)
        return try tx.searchItems(query).items.first
    }

    /// The category code a question names: the parser's, else the first whose word the community
    /// uses (`labels.yaml`, "井盖") the question contains. Parser follow-up: read it for questions too.
    func namedCategory(_ parsed: ParseResult) -> String? {
        if let category = parsed.category, category != .other { return category.rawValue }
        return Category.allCases.first { $0 != .other && text.contains(labels.category($0.rawValue)) }?.rawValue
    }
}
