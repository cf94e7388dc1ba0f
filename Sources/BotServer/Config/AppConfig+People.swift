import IntentParser
import TaskBoard

/// Who a sender is on the board: the role they act with and, for grid workers, their grid.
struct Identity: Sendable, Equatable {
    var role: MemberRole
    var grid: String?
}

extension AppConfig {
    /// Configuration names secretaries and grid workers; everyone else keeps a role they earned
    /// (a registered party member) or takes the group's: riders in 蜂巢驿站, party members in 在职党员群.
    /// A configured role holds only on the channel its entry names (the group's channel is the message's).
    func identity(of senderID: String, existing: Member?, group: GroupConfig) -> Identity {
        func named(_ person: PersonRef) -> Bool { person.matches(channel: group.channel, senderID: senderID) }
        if people.secretaries.contains(where: named) { return Identity(role: .secretary, grid: nil) }
        if let grid = people.gridWorkers.sorted(by: { $0.key < $1.key }).first(where: {
            $0.value.contains(where: named)
        })?
        .key {
            return Identity(role: .gridWorker, grid: grid)
        }
        if let existing, existing.role == .member { return Identity(role: .member, grid: existing.grid) }
        switch group.role {
        case .members: return Identity(role: .member, grid: existing?.grid)
        case .riders: return Identity(role: existing?.role == .resident ? .resident : .rider, grid: existing?.grid)
        }
    }
}

extension MemberRole {
    /// The parser only knows the corpus roles; grid workers act like the secretary.
    var parserRole: SenderRole {
        switch self {
        case .rider: .rider
        case .member: .member
        case .secretary, .gridWorker: .secretary
        case .resident: .resident
        }
    }
}
