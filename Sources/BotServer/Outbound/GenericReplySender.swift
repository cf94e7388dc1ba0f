import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// POSTs `{"group_id","text","mentions","in_reply_to"}` to the configured URL; any 2xx is delivered.
struct GenericReplySender: ReplySender {
    var url: URL
    var timeout: TimeInterval
    var session: URLSession

    init(url: URL, timeout: TimeInterval) {
        self.url = url
        self.timeout = timeout
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        self.session = URLSession(configuration: configuration)
    }

    struct Body: Encodable {
        var groupID: String
        var text: String
        var mentions: [String]
        var inReplyTo: String?

        enum CodingKeys: String, CodingKey {
            case groupID = "group_id"
            case text, mentions
            case inReplyTo = "in_reply_to"
        }
    }

    func send(_ reply: OutboundReply) async throws {
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.setValue("application/json; charset=utf-8", forHTTPHeaderField: "Content-Type")
        request.httpBody = try JSONEncoder().encode(
            Body(groupID: reply.groupID, text: reply.text, mentions: reply.mentions, inReplyTo: reply.inReplyTo))
        let (data, response) = try await session.perform(request)
        guard let http = response as? HTTPURLResponse else {
            throw ReplySendError(status: nil, detail: "no HTTP response")
        }
        guard (200..<300).contains(http.statusCode) else {
            throw ReplySendError(status: http.statusCode, detail: String(decoding: data.prefix(200), as: UTF8.self))
        }
    }
}
