import Foundation
import Logging
import Testing

@testable import BotServer
@testable import TaskBoard

/// A reply that went out while the server was stopping is marked sent, so the restart does not send it
/// again; one whose send the shutdown cut short is sent after the restart.
@Suite struct ShutdownDeliveryTests {
    /// Stands for a platform that accepts the reply while the worker's task is cancelled (SIGTERM).
    actor StoppingPlatform: ReplySender {
        var task: Task<Void, Never>?
        var sent: [String] = []
        let failWithCancellation: Bool

        init(failWithCancellation: Bool) {
            self.failWithCancellation = failWithCancellation
        }

        func set(_ task: Task<Void, Never>) { self.task = task }

        func send(_ reply: OutboundReply) async throws {
            task?.cancel()
            if failWithCancellation { throw CancellationError() }
            sent.append(reply.text)
        }
    }

    private func deliverOnce(through platform: StoppingPlatform) async throws -> BoardStore {
        let store = try BoardStore.inMemory()
        let payload = String(
            decoding: try JSONEncoder().encode(
                OutboundReply(channel: "generic", groupID: "riders-1", text: "收到 #1", mentions: [], inReplyTo: nil)),
            as: UTF8.self)
        _ = try await store.write { tx in
            try tx.queue.enqueueReply(channel: "generic", target: "riders-1", payload: payload, inboxID: nil)
        }
        let worker = OutboxWorker(
            store: store, senders: ReplySenders(byChannel: ["generic": platform]), signal: WorkSignal(),
            retryBase: 1, maxAttempts: 3, logger: quietLogger())
        let rows = try await store.claimOutbox(limit: 10).rows
        let task = Task { _ = await worker.work(rows) }
        await platform.set(task)
        await task.value
        return store
    }

    @Test func aReplyAcceptedDuringShutdownIsMarkedSent() async throws {
        let platform = StoppingPlatform(failWithCancellation: false)
        let store = try await deliverOnce(through: platform)
        #expect(await platform.sent == ["收到 #1"])
        #expect(try await store.read { tx in try tx.queue.outboxCount(status: .sent) } == 1)
        #expect(try await store.read { tx in try tx.queue.outboxCount(status: .pending) } == 0)
    }

    @Test func aSendCutShortIsLeftForTheRestartWithoutCountingAsFailed() async throws {
        let platform = StoppingPlatform(failWithCancellation: true)
        let store = try await deliverOnce(through: platform)
        #expect(try await store.read { tx in try tx.queue.outboxCount(status: .pending) } == 1)
        #expect(try await store.read { tx in try tx.queue.outboxCount(status: .failed) } == 0)
    }
}
