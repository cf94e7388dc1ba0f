import TaskBoard

// View models of the words about wishes (微心愿) the groups read: every one shows the wish as
// `WishPrivacy` lets a group see it. Stored properties only: the Mustache renderer reads them through Mirror.

/// A wish as a group sees it: its number, beneficiary (张奶奶), place without the room, and words.
struct WishView {
    var item: Int64
    var beneficiary: String
    var place: String
    var text: String
    /// Members may claim it already (no approval was needed).
    var approved: Bool
}

extension WishView {
    init(_ item: Item, replies: Replies) throws {
        let privacy = replies.wishPrivacy
        self.init(
            item: item.number, beneficiary: privacy.beneficiary(in: item.text), place: try replies.place(of: item),
            text: privacy.shown(item.text), approved: item.isApproved)
    }
}

/// 晒单: "#5 心愿已圆梦 ✅ 张三".
struct WishFulfilledView {
    var item: Int64
    /// Who fulfilled it: the claimant.
    var name: String
    var beneficiary: String
    var text: String
}

/// The weekly 微心愿 list, in the members' groups.
struct WishListView {
    var total: Int
    var wishes: [WishView]
    /// How many more are open than the list shows; nil when it shows them all.
    var more: Int?
}

/// The publication as the secretary hears of it.
struct WishPublicationView {
    /// How many wishes the members' groups were sent; nil when there were none to send.
    var published: Int?
    /// "#3 张奶奶、#4 居民": approved wishes nobody claimed for `days` days; nil when none.
    var unclaimedLong: String?
    var days: Int
    /// Wishes still waiting on the board for approval; nil when none.
    var awaiting: Int?
}
