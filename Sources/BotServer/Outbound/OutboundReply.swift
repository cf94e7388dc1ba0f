/// A reply on its way into a group: the outbox stores it as JSON, a `ReplySender` delivers it.
struct OutboundReply: Sendable, Codable, Equatable {
    var channel: String
    var groupID: String
    var text: String
    /// Sender ids to @-mention.
    var mentions: [String]
    /// The platform message this answers, when there is one.
    var inReplyTo: String?
    /// A photo to send with the text, where the platform can (晒单's after photo); the others send the text alone.
    var imageURL: String? = nil

    enum CodingKeys: String, CodingKey {
        case channel
        case groupID = "group_id"
        case text, mentions
        case inReplyTo = "in_reply_to"
        case imageURL = "image_url"
    }
}
