import Foundation
import IntentParser
import TaskBoard

/// One item as a list row or a CSV line shows it: codes turned into the community's words.
struct ItemRowView: Sendable {
    var id: Int64
    var href: String
    var kind: String
    var status: String
    var statusCode: String
    var category: String
    var place: String
    var grid: String
    var text: String
    var reporter: String
    var claimant: String?
    var created: String
    var due: String?
    var closed: String?
    var overdue: Bool
    /// A wish waiting for approval, or unclaimed for `wishes.unclaimed_days`: the secretary's to act on.
    var wishMark: String?

    init(_ item: Item, members: [Int64: Member], site: BoardSite, format: BoardFormat, now: Date) {
        let labels = site.labels
        id = item.id ?? 0
        href = "/board/items/\(id)"
        kind = labels.kind(item.kind)
        status = labels.status(item.status)
        statusCode = item.status.rawValue
        category = site.useCases.replies.labels.topic(of: item)
        place = (try? site.useCases.replies.place(of: item)) ?? labels.word(.noPlace)
        grid = item.grid.map { site.useCases.router.gridName($0) ?? $0 } ?? ""
        text = item.text
        reporter = members[item.reporterID]?.name ?? "#\(item.reporterID)"
        claimant = item.claimantID.flatMap { members[$0]?.name }
        created = format.dateTime(item.createdAt) ?? ""
        due = format.dateTime(item.dueAt)
        closed = format.dateTime(item.closedAt)
        overdue = ItemStatus.active.contains(item.status) && (item.dueAt.map { $0 < now } ?? false)
        if item.awaitsApproval {
            wishMark = labels.word(.wishAwaitsApproval)
        } else if item.isUnclaimedLong(at: now, days: site.config.wishes.unclaimedDays) {
            wishMark = labels.word(.wishUnclaimedLong)
        }
    }

}
