import Foundation
import TaskBoard

/// What a use case did, with everything its replies name (people already looked up), so the
/// words can be rendered after the transaction decided, by one `Replies`, wherever it was asked.
enum Happened: Sendable {
    case filed(Item, Route, awards: [Award])
    case claimed(Item, claimant: Member)
    case released(Item)
    /// A stalled claim taken back by the calendar.
    case expired(Item, formerClaimant: Member?)
    case submitted(Item, photos: Int)
    case verified(Item, Paid)
    case returned(Item, claimant: Member?, reason: String?)
    /// Handed to a department (its request; nil for an item escalated without one).
    case escalated(Item, request: DepartmentRequest?, reporter: Member?)
    /// The department's answer, relayed by the community.
    case departmentAnswered(Item, answer: String?, reporter: Member?)
    /// 催办: the department an item waits on is pressed, at a time (late or not).
    case chased(Item, request: DepartmentRequest?, at: Date)
    case resolved(Item, Paid)
    case assigned(Item, assignee: Member)
    case cancelled(Item, reason: String?, penalty: Award?, reporter: Member?)
    case merged(Item, into: Int64, reporter: Member?)
    case adopted(Item, Paid)
    case located(Item, Route, reporter: Member?)
    case photosAdded(itemID: Int64, count: Int)
    case registered(Member)
    case exchanged(Member, goods: String, cost: Int)
    /// A report of the same thing as an open item, joined to it (the item is the one joined).
    case joined(Item, JoinedReport)
    /// A closed item broken again, back on the open list.
    case reopened(Item, Route, formerClaimant: Member?, reporter: Member?)
    /// A wrongly joined report, now an item of its own (`from` is the item it left).
    case split(Item, Route, from: Int64, awards: [Award], reporter: Member)
    /// Points given to the 信用银行, with what the pool holds after.
    case donated(Member, amount: Int, pool: Int)
    /// A wish approved on the board: published to the members, claimable from now on.
    case approvedWish(Item, Route, reporter: Member?)

    /// The item acted on, when the use case concerned one.
    var item: Item? {
        switch self {
        case .filed(let item, _, _), .claimed(let item, _), .released(let item), .expired(let item, _),
            .submitted(let item, _),
            .verified(let item, _), .returned(let item, _, _), .escalated(let item, _, _), .resolved(let item, _),
            .assigned(let item, _), .cancelled(let item, _, _, _), .merged(let item, _, _), .adopted(let item, _),
            .located(let item, _, _), .departmentAnswered(let item, _, _), .chased(let item, _, _),
            .joined(let item, _), .reopened(let item, _, _, _), .split(let item, _, _, _, _),
            .approvedWish(let item, _, _):
            item
        case .photosAdded, .registered, .exchanged, .donated:
            nil
        }
    }
}

/// Where an item landed: its grid and the grid's workers (mentioned in receipts).
struct Route: Sendable {
    var grid: String?
    var gridName: String?
    /// The grid workers, by platform id, with their names when they are members already.
    var workers: [(platformID: String, name: String)]
}

/// Points paid by a command, with the members paid (to mention them).
struct Paid: Sendable {
    var awards: [Award]
    var members: [Member]
}
