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

    /// A picture goes as a one-article news card (the robot's `image` type wants the bytes, which only
    /// the platform's URL holds): the card shows the picture and opens it.
    struct NewsBody: Encodable {
        var msgtype = "news"
        var news: News

        struct News: Encodable { var articles: [Article] }
        struct Article: Encodable {
            var title: String
            var url: String
            var picurl: String
        }

        /// The card's title: the reply's first line, within the robot's 128 bytes.
        init(text: String, picture: String) {
            var title = ""
            for character in text.prefix(while: { $0 != "\n" }) {
                guard title.utf8.count + character.utf8.count <= Self.titleBytes else { break }
                title.append(character)
            }
            news = News(articles: [Article(title: title, url: picture, picurl: picture)])
        }

        static let titleBytes = 128
    }

    struct Answer: Decodable {
        var errcode: Int
        var errmsg: String?
    }

    func send(_ reply: OutboundReply) async throws {
        for (index, part) in RobotText.split(reply.text).enumerated() {
            // Mention once, on the first part, as a person would.
            try await post(Body(text: .init(content: part, mentionedList: index == 0 ? reply.mentions : [])))
        }
        if let picture = reply.imageURL { try await post(NewsBody(text: reply.text, picture: picture)) }
    }

    private func post(_ body: some Encodable) async throws {
        try await limiter.acquire()
        let http = try await client.postJSON(try JSONEncoder().encode(body), to: webhookURL)
        guard let answer = try? JSONDecoder().decode(Answer.self, from: http.data) else {
            throw ReplySendError(status: http.status, detail: "robot answer is not {errcode, errmsg}")
        }
        guard answer.errcode == 0 else {
            throw ReplySendError(status: http.status, detail: "errcode \(answer.errcode): \(answer.errmsg ?? "")")
        }
    }
}
