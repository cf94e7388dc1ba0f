import Foundation
import HummingbirdTesting
import TaskBoard

@testable import BotServer

/// A reply sender that keeps what the outbox hands it, in process: tests that care what the group
/// hears (not how it travels) await replies here instead of running a loopback platform.
actor ReplyRecorder: ReplySender {
    /// One delivered reply, with its JSON as a platform would receive it, for tests that read fields.
    struct Received: Sendable, Equatable {
        var reply: OutboundReply
        var json: [String: JSONValue]
    }

    private(set) var accepted: [Received] = []
    private var waiters: [(count: Int, waiter: Waiter<Void>)] = []

    /// The texts of delivered replies, in order.
    var texts: [String] { accepted.map(\.reply.text) }

    var received: [Received] { accepted }

    func send(_ reply: OutboundReply) async throws {
        let json = try JSONDecoder().decode([String: JSONValue].self, from: try JSONEncoder().encode(reply))
        accepted.append(Received(reply: reply, json: json))
        TranscriptLog.reply(group: reply.groupID, text: reply.text, mentions: reply.mentions, image: reply.imageURL)
        waiters.removeAll { entry in
            guard accepted.count >= entry.count else { return false }
            entry.waiter.resume(returning: ())
            return true
        }
    }

    /// Waits until `count` replies were delivered; bounded so a bug fails instead of hanging.
    func waitFor(delivered count: Int, timeout: Duration = .seconds(20)) async throws {
        if accepted.count >= count { return }
        let waiter = Waiter<Void>()
        waiters.append((count, waiter))
        await waiter.value(timeout: timeout, fallback: ())
        waiters.removeAll { $0.waiter === waiter }
        if accepted.count < count {
            throw WaitTimeout(description: "expected \(count) replies, got \(accepted.count): \(texts)")
        }
    }
}

/// Runs `body` against an in-process server whose replies, on every configured channel, go to `recorder`.
func withServer(
    platform recorder: ReplyRecorder, store: BoardStore? = nil,
    configure: @Sendable (inout AppConfig, _ platformURL: String) -> Void = { _, _ in },
    calendar: @escaping @Sendable (Scheduler) -> Void = { _ in },
    _ body: @Sendable @escaping (any TestClientProtocol, BoardStore) async throws -> Void
) async throws {
    let store = try store ?? BoardStore.inMemory()
    var config = testConfig()
    configure(&config, "http://recorder.invalid")
    var senders: [String: any ReplySender] = ["generic": recorder]
    for channel in config.channels { senders[channel.id] = recorder }
    var dependencies = AppDependencies(logger: quietLogger(), store: store, replySenders: senders)
    dependencies.pollInterval = .milliseconds(20)
    // The calendar runs only where a test drives it (`withCalendar`), so no reminder joins other tests' replies.
    dependencies.drivesScheduler = calendar
    let app = try await buildApplication(config: config, dependencies: dependencies)
    try await app.test(.router) { client in try await body(client, store) }
}
