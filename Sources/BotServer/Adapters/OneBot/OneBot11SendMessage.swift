import Foundation

/// A `send_group_msg` / `send_private_msg` call: which API path, and the JSON body.
///
/// Built as a value so tests compare it with the vector without a server, and so the sender only adds
/// transport. The message is always a segment array with `auto_escape: false`, which makes escaping moot:
/// text segments carry the text verbatim, `[` and `&` included.
struct OneBot11SendMessage: Sendable, Equatable {
    /// `send_group_msg` or `send_private_msg`: the path under the API URL.
    var action: String
    /// What is POSTed as JSON.
    var body: Body

    /// The request body; `group_id` and `user_id` are int64 numbers as the v11 API expects.
    struct Body: Sendable, Equatable, Encodable {
        /// Set for `send_group_msg`.
        var groupID: Int64?
        /// Set for `send_private_msg`.
        var userID: Int64?
        /// Always an array, so nothing in the text is read as a CQ code.
        var message: [OneBot11Segment]
        /// Always false; it only matters for string messages, and is sent because the vector shows it.
        var autoEscape: Bool

        enum CodingKeys: String, CodingKey {
            case groupID = "group_id"
            case userID = "user_id"
            case message
            case autoEscape = "auto_escape"
        }
    }

    /// The call that posts `text` into `chatID` (a group id, or `private:<user_id>`), @-mentioning
    /// `mentions` first. v11 ids are numbers, so a non-numeric id is refused here rather than by the API.
    init(chatID: String, text: String, mentions: [String]) throws(OneBotRequestError) {
        switch OneBotChatID(chatID) {
        case .group(let id):
            guard let groupID = Int64(id) else { throw .nonNumericID(chatID) }
            action = "send_group_msg"
            body = Body(
                groupID: groupID, userID: nil, message: OneBot11SendMessage.segments(text: text, mentions: mentions),
                autoEscape: false)
        case .privateUser(let id):
            guard let userID = Int64(id) else { throw .nonNumericID(chatID) }
            action = "send_private_msg"
            // An @ inside a one-to-one chat shows as stray text, so private replies carry none.
            body = Body(
                groupID: nil, userID: userID, message: OneBot11SendMessage.segments(text: text, mentions: []),
                autoEscape: false)
        }
    }

    /// The call for an outbox reply.
    init(reply: OutboundReply) throws(OneBotRequestError) {
        try self.init(chatID: reply.groupID, text: reply.text, mentions: reply.mentions)
        // 晒单's after photo follows the words in the same message.
        if let url = reply.imageURL { body.message.append(.image(url)) }
    }

    /// The body as JSON bytes.
    func jsonBody() throws -> Data {
        try JSONEncoder().encode(body)
    }

    /// One `at` per distinct mention, then the text. A rendered @ ends at the name, so the text starts
    /// with a space unless it already does (the vector's ` 你报告的…`).
    static func segments(text: String, mentions: [String]) -> [OneBot11Segment] {
        var seen = Set<String>()
        var segments = mentions.filter { !$0.isEmpty && seen.insert($0).inserted }.map(OneBot11Segment.at)
        if !text.isEmpty {
            let separated = segments.isEmpty || text.first?.isWhitespace == true ? text : " " + text
            segments.append(.text(separated))
        }
        return segments
    }
}
