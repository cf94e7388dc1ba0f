/// The chat a reply goes to, read back from the `groupID` the inbound mappers wrote.
///
/// The board only knows "group ids"; one-to-one chats are stored as `private:<user_id>` so that they
/// cannot collide with a group of the same number and so the sender knows to use the private action.
enum OneBotChatID: Sendable, Equatable {
    /// A group chat by its platform id.
    case group(String)
    /// A one-to-one chat by the user's id.
    case privateUser(String)

    /// The prefix that marks a one-to-one chat.
    static let privatePrefix = "private:"

    /// Reads a stored chat id; anything without the prefix is a group.
    init(_ chatID: String) {
        if chatID.hasPrefix(Self.privatePrefix) {
            self = .privateUser(String(chatID.dropFirst(Self.privatePrefix.count)))
        } else {
            self = .group(chatID)
        }
    }

    /// The string form stored as `InboundMessage.groupID` and `OutboundReply.groupID`.
    var chatID: String {
        switch self {
        case .group(let id): id
        case .privateUser(let id): Self.privatePrefix + id
        }
    }
}
