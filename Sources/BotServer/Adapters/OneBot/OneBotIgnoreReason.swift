/// Why an event that decoded fine is still not a message for the board; logged, never answered as an error.
enum OneBotIgnoreReason: Sendable, Equatable, CustomStringConvertible {
    /// Meta events (heartbeat, lifecycle, connect), notices and requests: `type` is the v11 `post_type`
    /// or v12 `type`, `detail` the sub-kind (`heartbeat`, `group_increase`, …).
    case notAMessage(type: String, detail: String?)
    /// A message kind we cannot route to a group, such as go-cqhttp `guild` or v12 `channel`.
    case unsupportedChat(String)
    /// The bot's own message reported back; answering it could start a reply loop.
    case ownMessage
    /// Stickers, voice, files: nothing the board can read.
    case noContent

    var description: String {
        switch self {
        case .notAMessage(let type, let detail): "not a message: \(type)\(detail.map { "/\($0)" } ?? "")"
        case .unsupportedChat(let kind): "unsupported chat type \(kind)"
        case .ownMessage: "the bot's own message"
        case .noContent: "no text, image or location"
        }
    }
}
