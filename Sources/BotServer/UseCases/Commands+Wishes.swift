import IntentParser
import TaskBoard

/// The weekly 微心愿 publication: the approved wishes nobody claimed yet, the oldest first, and those
/// waiting too long for the secretary.
struct WishPublication: Sendable {
    var wishes: [Item]
    /// All approved, unclaimed wishes (the list shows at most `wishes.list_limit`).
    var total: Int
    /// Approved wishes nobody claimed for `wishes.unclaimed_days`.
    var unclaimedLong: [Item]
    /// Wishes still waiting on the board for approval.
    var awaitingApproval: Int
}

extension Commands {
    /// The secretary (or the grid worker of its grid) approves a wish on the board: published now.
    func approveWish(_ itemID: Int64) throws -> Happened {
        let item = try tx.approve(itemID: itemID, by: actor.id ?? 0).item
        return .approvedWish(item, try route(of: item), reporter: try member(item.reporterID))
    }

    /// "发布心愿" and the Monday job: what the members' groups are sent. Only the secretary (or the
    /// calendar, acting as the community) publishes.
    func publishWishes(_ settings: WishesConfig) throws -> WishPublication {
        guard actor.role == .secretary else {
            throw BoardError.notAllowed(action: Directive.publishWishes.rawValue, role: actor.role)
        }
        let (wishes, total) = try tx.claimableWishes(limit: settings.listLimit)
        // Listed oldest first, so the long-waiting ones are among those shown.
        let long = wishes.filter { $0.isUnclaimedLong(at: tx.now, days: settings.unclaimedDays) }
        return WishPublication(
            wishes: wishes, total: total, unclaimedLong: long,
            awaitingApproval: try tx.wishesAwaitingApprovalCount())
    }
}
