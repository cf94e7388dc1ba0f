/// Someone the simulator can type as: a rider, a party member, the secretary, a grid worker.
///
/// The sender id decides the role the board gives them, exactly as for a real sender: the configured
/// secretary's and grid workers' ids make those roles, anyone else takes the group's.
struct SimPersona: Sendable, Decodable, Equatable {
    /// What the page posts (`rider-1`).
    var id: String
    /// Shown in the chat, and sent as the sender's name so replies and 报到 use it.
    var name: String
    /// The configured person they play (`sec-1`); on the board they are `sim:sec-1` (`memberID`).
    var senderID: String
    /// The simulator groups they are in.
    var groups: [String]

    /// The id their messages carry and the board knows them by.
    var memberID: String { SimChannel.memberID(senderID) }

    enum CodingKeys: String, CodingKey {
        case id, name, groups
        case senderID = "sender_id"
    }
}
