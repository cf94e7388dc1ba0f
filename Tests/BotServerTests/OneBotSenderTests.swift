import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing

@testable import BotServer

/// A OneBot implementation's HTTP API on loopback: records each request and answers with a set body.
///
/// `FakePlatform` records only path and body and answers 200/503; these tests also need the method,
/// the Authorization header and OneBot's JSON answers (`failed`, `async`), hence this fake.
actor OneBotFakeImplementation {
    struct Received: Sendable {
        var method: String
        var path: String
        var authorization: String?
        var json: JSONValue
    }

    private(set) var received: [Received] = []
    private let status: HTTPResponse.Status
    private let answer: String

    init(status: HTTPResponse.Status = .ok, answer: String = #"{"status":"ok","retcode":0,"data":{"message_id":1}}"#) {
        self.status = status
        self.answer = answer
    }

    fileprivate func record(_ request: Received) -> (HTTPResponse.Status, String) {
        received.append(request)
        return (status, answer)
    }

    /// The one request the test expects, failing the test when there is not exactly one.
    func only(sourceLocation: SourceLocation = #_sourceLocation) throws -> Received {
        try #require(received.count == 1, "expected one request, got \(received.count)", sourceLocation: sourceLocation)
        return received[0]
    }

    /// Runs the fake on a free loopback port for the duration of `body`.
    func run<T: Sendable>(_ body: @Sendable (_ baseURL: URL) async throws -> T) async throws -> T {
        let router = Router()
        let handler: @Sendable (Request, BasicRequestContext) async throws -> Response = { request, _ in
            var request = request
            let bytes = try await request.collectBody(upTo: 1 << 20)
            let json = (try? JSONDecoder().decode(JSONValue.self, from: Data(bytes.readableBytesView))) ?? .null
            let (status, answer) = await self.record(
                Received(
                    method: request.method.rawValue, path: request.uri.path,
                    authorization: request.headers[.authorization], json: json))
            return Response(
                status: status, headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: answer)))
        }
        router.post("/", use: handler)
        router.post("**", use: handler)
        var logger = Logger(label: "onebot-fake")
        logger.logLevel = .critical
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: logger)
        return try await app.test(.live) { client in
            let port = try #require(client.port)
            return try await body(URL(string: "http://127.0.0.1:\(port)")!)
        }
    }
}

/// The senders and the file resolver against a real HTTP server.
@Suite struct OneBotSenderTests {
    let groupReply = OutboundReply(
        channel: "qq", groupID: "738291045", text: "已认领", mentions: ["1846372910"], inReplyTo: "x")

    @Test func v11GroupMessage() async throws {
        let fake = OneBotFakeImplementation()
        try await fake.run { url in
            try await OneBot11ReplySender(apiURL: url, accessToken: "tok", timeout: 60).send(groupReply)
        }
        let request = try await fake.only()
        #expect(request.method == "POST")
        #expect(request.path == "/send_group_msg")
        #expect(request.authorization == "Bearer tok")
        #expect(request.json["group_id"] == .integer(738_291_045))
        #expect(
            request.json["message"]?.array?.first
                == .object(["type": .string("at"), "data": .object(["qq": .string("1846372910")])]))
        #expect(request.json["auto_escape"] == .bool(false))
    }

    /// A base path on the API URL is kept; private chats go to send_private_msg; no token, no header.
    @Test func v11PrivateMessageUnderBasePath() async throws {
        let fake = OneBotFakeImplementation()
        try await fake.run { url in
            let reply = OutboundReply(channel: "qq", groupID: "private:30003", text: "你好", mentions: [], inReplyTo: nil)
            try await OneBot11ReplySender(apiURL: url.appendingPathComponent("onebot"), accessToken: nil, timeout: 60)
                .send(reply)
        }
        let request = try await fake.only()
        #expect(request.path == "/onebot/send_private_msg")
        #expect(request.authorization == nil)
        #expect(request.json["user_id"] == .integer(30003))
    }

    /// `async` (retcode 1) means the implementation queued it: delivered.
    @Test func v11AsyncIsDelivered() async throws {
        let fake = OneBotFakeImplementation(answer: #"{"status":"async","retcode":1}"#)
        try await fake.run { url in
            try await OneBot11ReplySender(apiURL: url, accessToken: "tok", timeout: 60).send(groupReply)
        }
        #expect(await fake.received.count == 1)
    }

    /// A failed action throws with the retcode and the implementation's words, for the outbox's last_error.
    @Test func v11FailedThrows() async throws {
        let fake = OneBotFakeImplementation(
            answer: #"{"status":"failed","retcode":100,"msg":"SEND_MSG_API_ERROR","wording":"消息发送失败"}"#)
        let error = try await fake.run { url in
            await #expect(throws: ReplySendError.self) {
                try await OneBot11ReplySender(apiURL: url, accessToken: "tok", timeout: 60).send(groupReply)
            }
        }
        #expect(error?.status == 200)
        #expect(error?.detail.contains("retcode 100") == true)
        #expect(error?.detail.contains("消息发送失败") == true)
    }

    /// HTTP errors (403 wrong token) and non-JSON answers are failures too.
    @Test(arguments: [(HTTPResponse.Status.forbidden, "{}", 403), (.ok, "<html>ok</html>", 200)])
    func v11HTTPErrorsThrow(status: HTTPResponse.Status, answer: String, expected: Int) async throws {
        let fake = OneBotFakeImplementation(status: status, answer: answer)
        let error = try await fake.run { url in
            await #expect(throws: ReplySendError.self) {
                try await OneBot11ReplySender(apiURL: url, accessToken: "bad", timeout: 60).send(groupReply)
            }
        }
        #expect(error?.status == expected)
    }

    /// A chat id v11 cannot address fails without a request.
    @Test func v11NonNumericChatFailsLocally() async throws {
        let reply = OutboundReply(channel: "qq", groupID: "riders-1", text: "x", mentions: [], inReplyTo: nil)
        let error = await #expect(throws: ReplySendError.self) {
            try await OneBot11ReplySender(apiURL: URL(string: "http://127.0.0.1:9")!, accessToken: nil, timeout: 1)
                .send(reply)
        }
        #expect(error?.status == nil)
        #expect(error?.detail.contains("riders-1") == true)
    }

    @Test func v12SendMessage() async throws {
        let fake = OneBotFakeImplementation(
            answer: #"{"status":"ok","retcode":0,"data":{"message_id":"9","time":1.0},"message":"","echo":"e"}"#)
        let reply = OutboundReply(
            channel: "wechat", groupID: "20817465293@chatroom", text: "已认领", mentions: ["wxid_rider"], inReplyTo: nil)
        try await fake.run { url in
            try await OneBot12ReplySender(apiURL: url, accessToken: "tok", timeout: 60).send(reply)
        }
        let request = try await fake.only()
        #expect(request.method == "POST")
        #expect(request.path == "/")
        #expect(request.authorization == "Bearer tok")
        #expect(request.json["action"] == .string("send_message"))
        #expect(request.json["params"]?["detail_type"] == .string("group"))
        #expect(request.json["params"]?["group_id"] == .string("20817465293@chatroom"))
        #expect(request.json["params"]?["message"]?.array?.first == OneBot12Segment.mention("wxid_rider").json)
        #expect(request.json["echo"]?.string?.hasPrefix("fc-") == true)
    }

    @Test func v12FailedThrows() async throws {
        let fake = OneBotFakeImplementation(
            answer: #"{"status":"failed","retcode":35001,"data":null,"message":"send failed"}"#)
        let error = try await fake.run { url in
            await #expect(throws: ReplySendError.self) {
                try await OneBot12ReplySender(apiURL: url, accessToken: "tok", timeout: 60).send(groupReply)
            }
        }
        #expect(error?.detail.contains("retcode 35001") == true)
    }

    /// `{"status":"failed","retcode":100}` is not delivered in v12 either.
    @Test func v12Retcode100Throws() async throws {
        let fake = OneBotFakeImplementation(answer: #"{"status":"failed","retcode":100}"#)
        _ = try await fake.run { url in
            await #expect(throws: ReplySendError.self) {
                try await OneBot12ReplySender(apiURL: url, accessToken: "tok", timeout: 60).send(groupReply)
            }
        }
    }

    @Test func fileResolverReturnsDataURL() async throws {
        let fake = OneBotFakeImplementation(
            answer:
                #"{"status":"ok","retcode":0,"data":{"name":"a.jpg","url":"http://bridge/files/a.jpg"},"message":""}"#)
        let inbound = OneBotInbound(
            message: InboundMessage(
                channel: "wechat", messageID: "m", groupID: "g", senderID: "s", senderName: nil, text: "看",
                imageURLs: [], location: nil, timestamp: nil),
            imageFileIDs: ["f-1"], mentionedIDs: [], mentionsEveryone: false, mentionsSelf: false, replyToMessageID: nil
        )
        let resolved = try await fake.run { url in
            try await OneBot12FileResolver(apiURL: url, accessToken: "tok", timeout: 60).resolveImages(of: inbound)
        }
        #expect(resolved.imageURLs == ["http://bridge/files/a.jpg"])
        let request = try await fake.only()
        #expect(request.path == "/")
        #expect(request.authorization == "Bearer tok")
        #expect(request.json["action"] == .string("get_file"))
        #expect(request.json["params"]?["file_id"] == .string("f-1"))
        #expect(request.json["params"]?["type"] == .string("url"))
    }

    @Test func fileResolverFailureThrows() async throws {
        let fake = OneBotFakeImplementation(
            answer: #"{"status":"failed","retcode":10003,"message":"unsupported type"}"#)
        let error = try await fake.run { url in
            await #expect(throws: OneBotActionError.self) {
                try await OneBot12FileResolver(apiURL: url, accessToken: "tok", timeout: 60).url(forFileID: "f-1")
            }
        }
        #expect(error?.retcode == 10003)
    }

    /// Nothing listening: a transport error, thrown rather than hanging.
    @Test func unreachableImplementationThrows() async throws {
        await #expect(throws: ReplySendError.self) {
            try await OneBot12ReplySender(apiURL: URL(string: "http://127.0.0.1:9")!, accessToken: nil, timeout: 2)
                .send(groupReply)
        }
    }
}
