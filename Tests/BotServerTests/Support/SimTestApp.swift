import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import TaskBoard

@testable import BotServer

/// Runs `body` against an in-process server with the default senders, so the simulator's channel
/// has its `SimReplySender`; no platform is needed.
func withSimServer(
    configure: @Sendable (inout AppConfig) -> Void = { _ in },
    _ body: @Sendable @escaping (any TestClientProtocol, BoardStore) async throws -> Void
) async throws {
    let store = try BoardStore.inMemory()
    var config = testConfig()
    configure(&config)
    var dependencies = AppDependencies(logger: quietLogger(), store: store)
    dependencies.pollInterval = .milliseconds(20)
    let app = try await buildApplication(config: config, dependencies: dependencies)
    try await app.test(.router) { client in try await body(client, store) }
}

/// A channel that makes the server a real deployment (the simulator then needs a login).
func wecomRobotChannel() -> ChannelConfig {
    var channel = ChannelConfig(id: "robot1", kind: .wecomGroupRobot)
    channel.webhookURL = "http://127.0.0.1:9/robot"
    return channel
}

extension TestClientProtocol {
    /// `POST /sim/messages` with a JSON body built from the arguments.
    @discardableResult
    func simPost(
        persona: String, group: String, text: String, photo: String? = nil, location: String? = nil,
        headers: HTTPFields = [:]
    ) async throws -> TestResponse {
        var object: [String: String] = ["persona": persona, "group": group, "text": text]
        object["photo"] = photo
        object["location"] = location
        return try await simPostRaw(try JSONSerialization.data(withJSONObject: object), headers: headers)
    }

    func simPostRaw(_ body: Data, contentType: String = "application/json", headers: HTTPFields = [:]) async throws
        -> TestResponse
    {
        var headers = headers
        headers[.contentType] = contentType
        return try await execute(uri: "/sim/messages", method: .post, headers: headers, body: ByteBuffer(bytes: body))
    }

    /// `GET /sim/messages` decoded.
    func simTranscript(group: String, after: String? = nil, wait: Int? = nil, headers: HTTPFields = [:])
        async throws -> (HTTPResponse.Status, JSONValue?)
    {
        let uri =
            "/sim/messages?group=\(group)" + (after.map { "&after=\($0)" } ?? "") + (wait.map { "&wait=\($0)" } ?? "")
        return try await execute(uri: uri, method: .get, headers: headers) { response in
            (response.status, try? JSONDecoder().decode(JSONValue.self, from: Data(response.body.readableBytesView)))
        }
    }

    /// The group's whole transcript once it holds at least `bots` replies (bounded; fails by returning fewer).
    func simEntries(group: String, bots: Int) async throws -> [JSONValue] {
        let found = Box()
        _ = try await eventually {
            let (_, body) = try await simTranscript(group: group)
            let entries = body?["entries"]?.array ?? []
            await found.set(entries)
            return entries.filter { $0["kind"]?.string == "bot" }.count >= bots
        }
        return await found.value
    }

    /// Logs in to the board and returns the session cookie (`fc_session=…`).
    func boardLogin(user: String, password: String = "fengchao") async throws -> String? {
        let (token, loginCookie) = try await execute(uri: "/board/login", method: .get) { response in
            (
                firstCapture(#"name="csrf" value="([0-9a-f]+)""#, in: String(buffer: response.body)),
                response.headers[values: .setCookie].first { $0.hasPrefix("fc_login=") }?.split(separator: ";").first
            )
        }
        guard let token, let loginCookie else { return nil }
        let form = "csrf=\(token)&next=%2Fsim&username=\(user)&password=\(password)"
        return try await execute(
            uri: "/board/login", method: .post,
            headers: [.contentType: "application/x-www-form-urlencoded", .cookie: String(loginCookie)],
            body: ByteBuffer(string: form)
        ) { response in
            response.headers[values: .setCookie].first { $0.hasPrefix("fc_session=") }?.split(separator: ";").first
                .map(String.init)
        }
    }
}

/// The first group of `pattern` in `text` (a token in a page).
func firstCapture(_ pattern: String, in text: String) -> String? {
    guard let regex = try? NSRegularExpression(pattern: pattern),
        let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
        let range = Range(match.range(at: 1), in: text)
    else { return nil }
    return String(text[range])
}

/// Carries a value out of an `eventually` condition.
actor Box {
    var value: [JSONValue] = []
    func set(_ value: [JSONValue]) { self.value = value }
}

extension JSONValue {
    /// The texts of a transcript's bot replies, in order.
    static func botTexts(_ entries: [JSONValue]) -> [String] {
        entries.filter { $0["kind"]?.string == "bot" }.compactMap { $0["text"]?.string }
    }
}

/// Keeps every log line a test's server writes, so a test can check what an operator would read.
struct RecordingLogHandler: LogHandler {
    struct Line: Sendable {
        var message: String
        var metadata: Logger.Metadata
    }

    final class Lines: Sendable {
        private let lines = Mutex<[Line]>([])
        var all: [Line] { lines.withLock { $0 } }
        func append(_ line: Line) { lines.withLock { $0.append(line) } }
    }

    let lines: Lines
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        lines.append(Line(message: "\(event.message)", metadata: metadata.merging(event.metadata ?? [:]) { $1 }))
    }
}
