import Foundation

/// Posts replies into a WeCom group through its group robot webhook (protocols.md §2.3).
///
/// A non-zero `errcode` is a failed attempt even with HTTP 200; the robot's key lives in the URL, so
/// the URL is never logged.
struct WeComRobotSender: ReplySender {
    let webhookURL: URL
    let limiter: RateLimiter
    let client: HTTPClient

    init(webhookURL: URL, timeout: TimeInterval, limiter: RateLimiter = RateLimiter(limit: 20, per: .seconds(60))) {
        self.webhookURL = webhookURL
        self.limiter = limiter
        self.client = HTTPClient(timeout: timeout)
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
            let http = try await client.postJSON(try JSONEncoder().encode(body), to: webhookURL)
            guard let answer = try? JSONDecoder().decode(Answer.self, from: http.data) else {
                throw ReplySendError(status: http.status, detail: "robot answer is not {errcode, errmsg}")
            }
            guard answer.errcode == 0 else {
                throw ReplySendError(status: http.status, detail: "errcode \(answer.errcode): \(answer.errmsg ?? "")")
            }
        }
    }
}
