import Foundation

/// POSTs `{"group_id","text","mentions","in_reply_to"}` (and `"image_url"` when a photo goes with the
/// words) to the configured URL; any 2xx is delivered.
struct GenericReplySender: ReplySender {
    var url: URL
    var client: HTTPClient

    init(url: URL, timeout: TimeInterval) {
        self.url = url
        self.client = HTTPClient(timeout: timeout)
    }

    struct Body: Encodable {
        var groupID: String
        var text: String
        var mentions: [String]
        var inReplyTo: String?
        var imageURL: String?

        enum CodingKeys: String, CodingKey {
            case groupID = "group_id"
            case text, mentions
            case inReplyTo = "in_reply_to"
            case imageURL = "image_url"
        }
    }

    func send(_ reply: OutboundReply) async throws {
        let body = try JSONEncoder().encode(
            Body(
                groupID: reply.groupID, text: reply.text, mentions: reply.mentions, inReplyTo: reply.inReplyTo,
                imageURL: reply.imageURL))
        _ = try await client.postJSON(body, to: url)
    }
}
