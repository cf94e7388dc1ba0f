import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import TaskBoard

@testable import BotServer

/// A configuration for in-process tests: in-memory store, fast retries, the demo community.
func testConfig(outboundURL: String = "", storage: String = ":memory:", secret: String = "") -> AppConfig {
    var config = AppConfig()
    config.server.port = 0
    config.storage.path = storage
    config.outbound.generic.url = outboundURL.isEmpty ? "" : outboundURL + "/send"
    config.outbound.retryBaseSeconds = 0.01
    config.outbound.maxAttempts = 7
    config.webhooks.generic.secret = secret
    config.logLevel = "critical"
    config.admin.token = "test-token"
    return config
}

func quietLogger() -> Logger {
    var logger = Logger(label: "test")
    logger.logLevel = .critical
    return logger
}

/// One generic webhook message body.
func messageBody(
    id: String, group: String = "riders-1", sender: String, name: String? = nil, text: String,
    images: [String] = []
) -> Data {
    var object: [String: Any] = [
        "message_id": id, "group_id": group, "text": text, "timestamp": 1_700_000_000,
        "sender": name.map { ["id": sender, "name": $0] } ?? ["id": sender],
    ]
    if !images.isEmpty { object["attachments"] = images.map { ["type": "image", "url": $0] } }
    return try! JSONSerialization.data(withJSONObject: object)
}

extension TestClientProtocol {
    @discardableResult
    func postMessage(_ body: Data, headers: HTTPFields = [:]) async throws -> TestResponse {
        var headers = headers
        headers[.contentType] = "application/json"
        TranscriptLog.message(body)
        return try await execute(
            uri: "/webhook/generic", method: .post, headers: headers, body: ByteBuffer(bytes: body))
    }

    func getJSON(_ uri: String, token: String = "test-token") async throws -> (HTTPResponse.Status, JSONValue?) {
        try await execute(uri: uri, method: .get, headers: [.authorization: "Bearer \(token)"]) { response in
            (response.status, try? JSONDecoder().decode(JSONValue.self, from: Data(response.body.readableBytesView)))
        }
    }
}

/// A fresh temporary folder, removed by the caller.
func temporaryDirectory() -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("fengchao-test-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
}

/// Polls a condition that another task makes true soon (a worker's commit right after a platform's
/// answer), bounded so a bug fails the test instead of hanging it.
func eventually(
    timeout: Duration = .seconds(30), _ condition: @Sendable () async throws -> Bool
) async throws -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try await Task.sleep(for: .milliseconds(5))
    }
    return try await condition()
}

/// Runs `body` against an in-process server whose replies go to `platform` over loopback HTTP.
func withServer(
    platform: FakePlatform, store: BoardStore? = nil,
    configure: @Sendable (inout AppConfig, _ platformURL: String) -> Void = { _, _ in },
    _ body: @Sendable @escaping (any TestClientProtocol, BoardStore) async throws -> Void
) async throws {
    let store = try store ?? BoardStore.inMemory()
    try await platform.run { base in
        var config = testConfig(outboundURL: base)
        configure(&config, base)
        var dependencies = AppDependencies(logger: quietLogger(), store: store)
        dependencies.pollInterval = .milliseconds(20)
        // The calendar runs only where a test drives it (`withCalendar`), so no reminder joins other tests' replies.
        dependencies.drivesScheduler = { _ in }
        let app = try await buildApplication(config: config, dependencies: dependencies)
        try await app.test(.router) { client in try await body(client, store) }
    }
}
