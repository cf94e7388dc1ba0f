/// Why the board refused a command. Each case carries what the server needs to answer the group
/// in its own words (a reply template per case) and what a maintainer needs in a log line.
/// Thrown before anything is written.
public enum BoardError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No item has this number.
    case noSuchItem(Int64)
    /// No member has this platform id (for commands taking a row id: its decimal text).
    case noSuchMember(String)
    /// Someone else holds the item; `by` is the claimant's name.
    case alreadyClaimed(item: Int64, by: String)
    /// The member already holds the item.
    case alreadyYours(item: Int64)
    /// Only the claimant may do this; `claimant` is the claimant's name, nil when nobody holds it.
    case notClaimant(item: Int64, claimant: String?)
    /// The member's role does not allow the action (for a grid worker: not on an item of the own grid).
    /// `action` is a stable code: an `ItemAction`'s or a `BoardAction`'s raw value.
    /// For `assign` to a rider or resident it is `claim` with the assignee's role, since the assignee
    /// is the one who may not hold items.
    case notAllowed(action: String, role: MemberRole)
    /// The item is not in a state the action starts from.
    case wrongState(item: Int64, status: ItemStatus, action: String)
    /// The member already holds `limit` claimed items.
    case tooManyClaims(limit: Int)
    /// Verifying an item one reported or claimed.
    case ownItem(item: Int64)
    /// An exchange or donation would take the balance below zero.
    case insufficientBalance(balance: Int, cost: Int)
    /// The merge target is the item itself, or is merged or cancelled.
    case invalidMerge(item: Int64, into: Int64)
    /// A party member claims before registering (报到), or before the secretary confirmed it.
    case notRegistered(awaitingApproval: Bool)
    /// "#3 又坏了" on an item still being worked on: there is nothing to reopen.
    case stillOpen(item: Int64)
    /// "#3 又坏了" on an item closed more than `days` ago: a new report is the way.
    case reopenTooLate(item: Int64, days: Int)
    /// A wish claimed before the secretary approved and published it.
    case notApproved(item: Int64)

    /// A maintainer's sentence for logs; people in groups get the server's templates instead.
    public var description: String {
        switch self {
        case .noSuchItem(let id): "no item #\(id)"
        case .noSuchMember(let id): "no member \(id)"
        case .alreadyClaimed(let item, let by): "item #\(item) is already claimed by \(by)"
        case .alreadyYours(let item): "item #\(item) is already claimed by this member"
        case .notClaimant(let item, let claimant):
            "only the claimant (\(claimant ?? "nobody")) may act on item #\(item)"
        case .notAllowed(let action, let role): "role \(role.rawValue) may not \(action)"
        case .wrongState(let item, let status, let action): "cannot \(action) item #\(item) while \(status.rawValue)"
        case .tooManyClaims(let limit): "already holding \(limit) claimed items"
        case .ownItem(let item): "cannot verify item #\(item): reported or claimed it"
        case .insufficientBalance(let balance, let cost): "balance \(balance) is below the cost \(cost)"
        case .invalidMerge(let item, let into): "cannot merge item #\(item) into #\(into)"
        case .notRegistered(let awaiting): awaiting ? "registration awaits approval" : "not registered"
        case .stillOpen(let item): "item #\(item) is still open"
        case .reopenTooLate(let item, let days): "item #\(item) closed more than \(days) days ago"
        case .notApproved(let item): "wish #\(item) awaits approval"
        }
    }
}
