/// Someone the simulator can type as: a rider, a party member, the secretary, a grid worker.
///
/// The sender id decides the role the board gives them, exactly as for a real sender: the configured
/// secretary's and grid workers' ids make those roles, anyone else takes the group's.
struct SimPersona: Sendable, Decodable, Equatable {
    /// What the page posts (`rider-1`).
    var id: String
    /// Shown in the chat, and sent as the sender's name so replies and 报到 use it.
    var name: String
    var senderID: String
    /// The simulator groups they are in.
    var groups: [String]

    enum CodingKeys: String, CodingKey {
        case id, name, groups
        case senderID = "sender_id"
    }
}
