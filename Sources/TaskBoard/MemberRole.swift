import GRDB

/// What a member may do on the board; stored by raw value so the schema's CHECK can name it.
public enum MemberRole: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    /// A delivery rider who reports problems on the rounds (a "little bee").
    case rider
    /// A registered in-service party member who claims and completes items.
    case member
    /// The community secretary, who verifies, assigns, escalates and cancels.
    case secretary
    /// The grid worker, who acts like the secretary on items of the own grid.
    case gridWorker = "grid_worker"
    /// A resident who posts wishes.
    case resident

    /// Roles that may hold items: the state machine's claimants.
    var canClaim: Bool {
        switch self {
        case .member, .gridWorker, .secretary: true
        case .rider, .resident: false
        }
    }
}
