// View models for the reply templates. Stored properties only: the Mustache renderer reads them
// through Mirror, which does not see computed properties.

struct PlaceView {
    var hasAny: Bool
    var estate: String?
    var building: String?
    var unit: String?
    var room: String?
    var landmark: String?
}

struct ReceiptView {
    var item: Int64
    var category: String
    var place: String
    var grid: String
    var gridWorkerNames: String?
    var due: String
    var points: Int?
    var pointsOnVerify: Int
    var missingPlace: Bool
}

struct SuggestionReceiptView {
    var item: Int64
    var points: Int?
}

struct ClaimedView {
    var item: Int64
    var name: String
    var category: String
    var place: String
    var due: String
}

struct ItemOnlyView {
    var item: Int64
}

struct SubmittedView {
    var item: Int64
    var photoCount: Int?
}

struct AwardView {
    var name: String
    var delta: String
    var board: String
}

struct VerifiedView {
    var item: Int64
    var awards: [AwardView]
}

struct ReturnedView {
    var item: Int64
    var claimant: String
    var reason: String?
}

struct CancelledView {
    var item: Int64
    var reason: String?
    /// The points booked against the reporter of an invalid report, e.g. "-1".
    var penalty: String?
}

struct MergedView {
    var item: Int64
    var into: Int64
}

struct EscalatedView {
    var item: Int64
    var target: String?
    /// The level it went to ("街道", "区"), when it waits on a configured department.
    var level: String?
    /// The department's deadline.
    var due: String?
}

struct RegisteredView {
    var name: String
    var role: String
    /// `registration.approval`: the secretary confirms before the member may claim.
    var awaitingApproval = false
}

struct BoardPointsView {
    var label: String
    var points: Int
}

struct PointsView {
    var name: String
    /// What can still be spent: every board's sum.
    var total: Int
    /// The earning boards, each shown even at 0.
    var boards: [BoardPointsView]
    /// Exchanged and donated, as positive amounts; only those with entries.
    var spent: [BoardPointsView] = []
}

struct LeaderRowView {
    var rank: Int
    var name: String
    var points: Int
}

struct LeaderboardView {
    /// "本周" and the board's name: the template words them as the board's title.
    var period: String
    var board: String
    var rows: [LeaderRowView]
    /// The 信用银行's balance under the ranking.
    var pool: PoolView?
}

/// "待办" / "有单吗": the asker's own open claims, then what is open to claim.
struct TodoView {
    var name: String
    var count: Int
    var items: [ItemStatusView]
    var hasOwn: Bool
    /// Claimable items in all, of which `open` lists the first `shown`.
    var openCount: Int
    var open: [OpenItemView]
    var hasOpen: Bool
    var more: Bool
    var shown: Int
}

/// One item in a reply: the status query, and each line of a to-do list (which names no claimant).
struct ItemStatusView {
    var id: Int64
    var category: String
    var place: String
    var status: String
    var claimant: String?
    /// When the asker reported it, for a question that named no number ("我报的井盖修了没").
    var reportedAt: String? = nil
}

struct ExampleView {
    var example: String
}

struct EmptyView {}

struct ClaimantRefusalView {
    var item: Int64
    var name: String?
}

struct NameRefusalView {
    var item: Int64
    var name: String
}

struct NotAllowedView {
    var role: String
    var action: String
}

struct WrongStateView {
    var item: Int64
    var status: String
    var action: String
}

struct LimitView {
    var limit: Int
}

struct BalanceView {
    var balance: Int
    var cost: Int
}

struct MergeRefusalView {
    var item: Int64
    var into: Int64
}

struct LocatedView {
    var item: Int64
    var place: String
    var grid: String
}

struct PhotosAddedView {
    var item: Int64
    var count: Int
}
