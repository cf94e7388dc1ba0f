/// A simulator chat that is not configured: until the secretary names its role on the board, the bot
/// answers it once that it is not set up, as in any group it was added to by mistake.
struct SimGroup: Sendable, Decodable, Equatable {
    var id: String
    /// What the chat calls itself (城南骑手群).
    var title: String

    enum CodingKeys: String, CodingKey { case id, title }
}
