import Foundation
import Hummingbird
import HummingbirdTesting
import Logging

@testable import BotServer

/// A real HTTP server on loopback standing in for a platform's outbound API: it records every
/// POST and can refuse the first N attempts, so retry and delivery are tested over a socket.
actor FakePlatform {
    struct Received: Sendable, Equatable {
        var path: String
        var json: [String: JSONValue]
        var accepted: Bool
        var authorization: String?
    }

    private(set) var received: [Received] = []
    private var failuresLeft: Int
    private var alwaysFail: Bool
    private var waiters: [(count: Int, acceptedOnly: Bool, waiter: Waiter<Void>)] = []

    /// What a successful answer carries (OneBot and WeCom answer JSON, the generic receiver nothing).
    private let answer: String

    init(failFirst: Int = 0, alwaysFail: Bool = false, answer: String = "") {
        self.failuresLeft = failFirst
        self.alwaysFail = alwaysFail
        self.answer = answer
    }

    var accepted: [Received] { received.filter(\.accepted) }

    /// The texts of delivered replies, in order.
    var texts: [String] { accepted.compactMap { $0.json["text"]?.string } }

    fileprivate func record(path: String, body: Data, authorization: String?) -> (Bool, String) {
        let json = (try? JSONDecoder().decode([String: JSONValue].self, from: body)) ?? [:]
        let accept: Bool
        if alwaysFail {
            accept = false
        } else if failuresLeft > 0 {
            failuresLeft -= 1
            accept = false
        } else {
            accept = true
        }
        received.append(Received(path: path, json: json, accepted: accept, authorization: authorization))
        resumeWaiters()
        return (accept, answer)
    }

    private func resumeWaiters() {
        waiters.removeAll { entry in
            let have = entry.acceptedOnly ? accepted.count : received.count
            guard have >= entry.count else { return false }
            entry.waiter.resume(returning: ())
            return true
        }
    }

    /// Waits until `count` replies were delivered (or attempted), bounded so a bug fails instead of hanging.
    func waitFor(delivered count: Int, acceptedOnly: Bool = true, timeout: Duration = .seconds(20)) async throws {
        if (acceptedOnly ? accepted.count : received.count) >= count { return }
        let waiter = Waiter<Void>()
        waiters.append((count, acceptedOnly, waiter))
        await waiter.value(timeout: timeout, fallback: ())
        waiters.removeAll { $0.waiter === waiter }
        let have = acceptedOnly ? accepted.count : received.count
        if have < count {
            throw WaitTimeout(description: "expected \(count) replies, got \(have): \(texts)")
        }
    }

    /// Runs the fake on a free loopback port for the duration of `body`.
    func run<T: Sendable>(_ body: @Sendable (_ baseURL: String) async throws -> T) async throws -> T {
        let router = Router()
        let handler: @Sendable (Request, BasicRequestContext) async throws -> Response = { request, _ in
            var request = request
            let bytes = try await request.collectBody(upTo: 1 << 20)
            let (ok, answer) = await self.record(
                path: request.uri.path, body: Data(bytes.readableBytesView),
                authorization: request.headers[.authorization])
            return Response(
                status: ok ? .ok : .serviceUnavailable, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: ok ? answer : "")))
        }
        router.post("/", use: handler)
        router.post("{path}", use: handler)
        var logger = Logger(label: "fake-platform")
        logger.logLevel = .critical
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: logger)
        return try await app.test(.live) { client in
            guard let port = client.port else { throw WaitTimeout(description: "fake platform has no port") }
            return try await body("http://127.0.0.1:\(port)")
        }
    }
}

struct WaitTimeout: Error, CustomStringConvertible {
    var description: String
}
