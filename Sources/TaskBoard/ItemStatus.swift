import GRDB

/// The states of design section 4; stored by raw value so the schema's CHECK can name them.
public enum ItemStatus: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    /// Reported, waiting for a claimant.
    case open
    /// Held by a claimant.
    case claimed
    /// Reported done by the claimant, waiting for verification.
    case submitted
    /// Verified or resolved: done.
    case closed
    /// Handed to the street office or a department (chuishao, "blowing the whistle").
    case escalated
    /// A duplicate of another item (`duplicateOf`).
    case merged
    /// Withdrawn by the secretary.
    case cancelled

    /// States in which the item still needs work (the board's open list).
    public static let active: [ItemStatus] = [.open, .claimed, .submitted, .escalated]

    /// Active states whose deadline is the community's: an escalated item waits on its department's
    /// deadline instead, so it is never overdue against the community.
    public static let withCommunity: [ItemStatus] = [.open, .claimed, .submitted]

    /// States no command leaves.
    public var isTerminal: Bool {
        switch self {
        case .closed, .merged, .cancelled: true
        case .open, .claimed, .submitted, .escalated: false
        }
    }
}
