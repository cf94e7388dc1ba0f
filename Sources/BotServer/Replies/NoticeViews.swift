// View models of the words other groups hear (`Notices`), and of the lists members ask for.
// Stored properties only: the Mustache renderer reads them through Mirror.

struct AnnouncementView {
    var item: Int64
    var wish: Bool
    var topic: String
    var place: String
    var grid: String?
    var due: String
    /// A wish's own words as the groups see them (`WishPrivacy`); nil for an issue.
    var text: String?
    /// A wish's beneficiary by surname and title ("张奶奶"); nil for an issue.
    var beneficiary: String?
}

struct ReporterClaimedView {
    var item: Int64
    var name: String
    /// Handed out by the community (派单) rather than taken (接单).
    var assigned: Bool
    var category: String
    var place: String
    var due: String
}

struct ReporterReturnedView {
    var item: Int64
    var reason: String?
}

struct ReporterClosedView {
    var item: Int64
    /// What closing paid the reporter, e.g. "+2"; nil when nothing.
    var points: String?
    /// For the reporter of a duplicate: the item it was merged into, closed now.
    var into: Int64? = nil
}

/// One line of the claimable list ("有单吗"): number, what, where, by when.
struct OpenItemView {
    var id: Int64
    var category: String
    var place: String
    var due: String
}

struct NameView {
    var name: String
}

struct NoReportView {
    /// The category the question named, when it named one.
    var category: String?
    var example: String
}

struct NotRegisteredView {
    /// Registered, waiting for the secretary's confirmation.
    var awaitingApproval: Bool
}
