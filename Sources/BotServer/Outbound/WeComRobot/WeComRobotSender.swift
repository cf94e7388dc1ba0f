import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Posts replies into a WeCom group through its group robot webhook (protocols.md §2.3).
///
/// A non-zero `errcode` is a failed attempt even with HTTP 200; the robot's key lives in the URL, so
/// the URL is never logged.
struct WeComRobotSender: ReplySender {
    let webhookURL: URL
    let timeout: TimeInterval
    let limiter: RateLimiter
    let session: URLSession

    init(webhookURL: URL, timeout: TimeInterval, limiter: RateLimiter = RateLimiter(limit: 20, per: .seconds(60))) {
        self.webhookURL = webhookURL
        self.timeout = timeout
        self.limiter = limiter
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        self.session = URLSession(configuration: configuration)
    }

    struct Body: Encodable {
        var msgtype = "text"
        var text: Text

        struct Text: Encodable {
            var content: String
            var mentionedList: [String]

            enum CodingKeys: String, CodingKey {
                case content
                case mentionedList = "mentioned_list"
            }
        }
    }

    struct Answer: Decodable {
        var errcode: Int
        var errmsg: String?
    }

    func send(_ reply: OutboundReply) async throws {
        for (index, part) in RobotText.split(reply.text).enumerated() {
            try await limiter.acquire()
            // Mention once, on the first part, as a person would.
            let body = Body(text: .init(content: part, mentionedList: index == 0 ? reply.mentions : []))
            var request = URLRequest(url: webhookURL, timeoutInterval: timeout)
            request.httpMethod = "POST"
            request.setValue("application/json; charset=utf-8", forHTTPHeaderField: "Content-Type")
            request.httpBody = try JSONEncoder().encode(body)
            let (data, response) = try await session.perform(request)
            let status = (response as? HTTPURLResponse)?.statusCode ?? 0
            guard (200..<300).contains(status) else {
                throw ReplySendError(status: status, detail: String(decoding: data.prefix(200), as: UTF8.self))
            }
            guard let answer = try? JSONDecoder().decode(Answer.self, from: data) else {
                throw ReplySendError(status: status, detail: "robot answer is not {errcode, errmsg}")
            }
            guard answer.errcode == 0 else {
                throw ReplySendError(status: status, detail: "errcode \(answer.errcode): \(answer.errmsg ?? "")")
            }
        }
    }
}
