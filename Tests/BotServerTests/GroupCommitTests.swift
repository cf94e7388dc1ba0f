import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BotServer
@testable import TaskBoard

/// Concurrent webhooks share one transaction per fsync; each is answered after the commit holding
/// it, and a message is stored once however often, and however close together, it arrives.
@Suite struct GroupCommitTests {
    /// Holds the first commit until the test opens the gate, and remembers every batch it was given.
    actor GatedInbox: InboxQueue {
        let store: BoardStore
        let entered = Waiter<Void>()
        let gate = Waiter<Void>()
        private(set) var batches: [[InboxArrival]] = []

        init(store: BoardStore) { self.store = store }

        func storeInbox(_ arrivals: [InboxArrival]) async throws -> [StoredArrival] {
            batches.append(arrivals)
            if batches.count == 1 {
                entered.resume(returning: ())
                await gate.value()
            }
            return try await store.storeInbox(arrivals)
        }

        nonisolated func storeInbox(
            channel: String, platformMessageID: String, groupID: String, senderID: String, payload: String
        ) async throws -> (id: Int64, duplicate: Bool) {
            try await store.storeInbox(
                channel: channel, platformMessageID: platformMessageID, groupID: groupID, senderID: senderID,
                payload: payload)
        }

        nonisolated func claimInbox(limit: Int) async throws -> Claim<InboxMessage> {
            try await store.claimInbox(limit: limit)
        }

        nonisolated func markInbox(id: Int64, state: InboxState, error: String?) async throws {
            try await store.markInbox(id: id, state: state, error: error)
        }
    }

    private func arrival(_ id: String) -> InboxArrival {
        InboxArrival(channel: "generic", platformMessageID: id, groupID: "riders-1", senderID: "u-1", payload: "{}")
    }

    @Test func arrivalsDuringACommitShareTheNextAndARepeatInsideItIsADuplicate() async throws {
        let store = try BoardStore.inMemory()
        let gated = GatedInbox(store: store)
        let commit = GroupCommit(store: gated)
        let first = Task { try await commit.store(arrival("m-0")) }
        await gated.entered.value()

        // While the first commit is held, 61 arrivals wait: 30 ids twice each, and m-0 again.
        let ids = (1...30).flatMap { ["m-\($0)", "m-\($0)"] } + ["m-0"]
        let results = try await withThrowingTaskGroup(of: (String, StoredArrival).self) { group in
            for id in ids { group.addTask { (id, try await commit.store(arrival(id))) } }
            #expect(try await eventually { commit.waitingCount == ids.count })
            gated.gate.resume(returning: ())
            var results: [(String, StoredArrival)] = []
            for try await result in group { results.append(result) }
            return results
        }
        let firstStored = try await first.value
        #expect(!firstStored.duplicate)

        let batches = await gated.batches
        #expect(batches.map(\.count) == [1, ids.count], "the waiting arrivals went in one transaction")
        for id in Set(ids) {
            let answers = results.filter { $0.0 == id }.map(\.1)
            let fresh = answers.filter { !$0.duplicate }
            #expect(fresh.count == (id == "m-0" ? 0 : 1), "\(id) is stored by exactly one of its arrivals")
            #expect(Set(answers.map(\.id)).count == 1, "every arrival of \(id) names the same row")
        }
        #expect(results.first { $0.0 == "m-0" }?.1.id == firstStored.id)
        #expect(try await store.read { tx in try tx.queue.inboxCount() } == 31)
    }

    @Test func concurrentWebhooksWithRepeatsAreEachAcknowledgedAndStoredOnce() async throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try BoardStore.open(directory: directory)
        let app = try await buildApplication(
            config: testConfig(), dependencies: AppDependencies(logger: quietLogger(), store: store, replySenders: [:]))
        try await app.test(.router) { client in
            // 120 distinct messages, each delivered three times at once (a platform's retries).
            let ids = (0..<360).map { "c-\($0 % 120)" }
            let acks = try await withThrowingTaskGroup(of: (String, HTTPResponse.Status, String).self) { group in
                for (index, id) in ids.enumerated() {
                    group.addTask {
                        let body = messageBody(id: id, sender: "u-\(index % 50)", text: "龙西小区\(index % 30)栋路灯坏了")
                        let response = try await client.postMessage(body)
                        return (id, response.status, String(buffer: response.body))
                    }
                }
                var acks: [(String, HTTPResponse.Status, String)] = []
                for try await ack in group { acks.append(ack) }
                return acks
            }
            #expect(acks.allSatisfy { $0.1 == .ok })
            for id in Set(ids) {
                let fresh = acks.filter { $0.0 == id && $0.2.contains("\"duplicate\":false") }
                #expect(fresh.count == 1, "\(id) acknowledged as new exactly once")
            }
            let (count, missing) = try await store.read { tx in
                let queue = tx.queue
                return (
                    try queue.inboxCount(),
                    try Set(ids).filter { try queue.inboxMessage(channel: "generic", platformMessageID: $0) == nil }
                )
            }
            #expect(count == 120)
            #expect(missing.isEmpty)
        }
    }
}
