/// Why a command of the secretary's board (approving registrations, booking activities, deciding
/// reviews) was refused. Kept apart from `BoardError` so the server's exhaustive mapping of group
/// replies does not change for commands no group message can give; role refusals still use
/// `BoardError.notAllowed`. Thrown before anything is written.
public enum BoardPageError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The member has no party-member registration awaiting approval (never registered, already
    /// approved, or not a party member).
    case notPending(member: Int64)
    /// No review entry has this id.
    case noSuchReview(Int64)
    /// The review entry was already decided (`status` is resolved or ignored).
    case reviewClosed(Int64, status: ReviewStatus)
    /// An activity needs a name.
    case emptyActivityName
    /// No joined report has this id, or it was split off already.
    case noSuchJoinedReport(Int64)

    /// A maintainer's sentence for logs; the board shows its own words.
    public var description: String {
        switch self {
        case .notPending(let member): "member \(member) has no registration awaiting approval"
        case .noSuchReview(let id): "no review \(id)"
        case .reviewClosed(let id, let status): "review \(id) is already \(status.rawValue)"
        case .emptyActivityName: "an activity needs a name"
        case .noSuchJoinedReport(let id): "no joined report \(id)"
        }
    }
}
