import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import BotServer
@testable import TaskBoard

/// A message whose processing kills the process is set aside after a few tries; the ones behind it go on.
@Suite struct CrashGuardTests {
    /// Stands in for a crash: processing of the chosen message never finishes; stopping the server
    /// then abandons it mid-way, as a dying process would.
    static let hang: @Sendable (InboxMessage) async throws -> Void = { row in
        if row.payload.contains("POISON") { try await Task.sleep(for: .seconds(3_600)) }
    }

    private func run(_ store: BoardStore, _ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws
    {
        var dependencies = AppDependencies(
            logger: quietLogger(), store: store, replySenders: ["generic": LogReplySender(logger: quietLogger())])
        dependencies.pollInterval = .milliseconds(20)
        dependencies.beforeHandling = Self.hang
        let app = try await buildApplication(config: testConfig(), dependencies: dependencies)
        try await app.test(.router, body)
    }

    private func poison(_ store: BoardStore) async throws -> InboxMessage? {
        try await store.read { tx in try tx.queue.inbox(id: 1) }
    }

    @Test func aMessageThatKillsProcessingIsQuarantinedAndTheNextIsProcessed() async throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try BoardStore.open(directory: directory)

        try await run(store) { client in
            try await client.postMessage(messageBody(id: "p-1", sender: "u-1", text: "POISON 龙西小区1栋井盖坏了"))
            try await client.postMessage(messageBody(id: "n-1", sender: "u-2", name: "叶强", text: "龙西小区12栋窨井盖破损"))
            #expect(try await eventually { try await poison(store)?.attempts == 1 })
        }
        // Two more deaths on the same message: each start works on it alone.
        for attempt in 2...3 {
            try await run(store) { _ in
                let died = try await eventually { try await poison(store)?.attempts == attempt }
                #expect(died)
            }
            #expect(try await store.read { tx in try tx.items(status: nil, limit: 10, offset: 0) }.isEmpty)
        }
        try await run(store) { client in
            #expect(
                try await eventually { try await store.read { tx in try tx.queue.inboxCount(state: .pending) } == 0 })
            let row = try #require(try await poison(store))
            #expect(row.state == .failed)
            #expect(row.error == CrashGuard.reason)
            #expect(row.quarantinedAt != nil)
            let items = try await store.read { tx in try tx.items(status: nil, limit: 10, offset: 0) }
            #expect(items.map(\.id) == [1])
            #expect(
                try await store.read { tx in
                    try tx.queue.outboxCount(status: .pending) + tx.queue.outboxCount(status: .sent)
                } >= 1
            )
            let (status, health) = try await client.getJSON("/healthz")
            #expect(status == .ok)
            #expect(health?["quarantined"]?["inbox"]?.number == 1)

            // The secretary sees it on the review page; a grid worker does not.
            let secretary = BoardClient(client)
            try await secretary.login("secretary", BoardAccounts.demoPassword)
            let page = try await secretary.get("/board/reviews")
            #expect(page.html.contains("id=\"crashed-1\""))
            #expect(page.html.contains("POISON 龙西小区1栋井盖坏了"))
            let grid = BoardClient(client)
            try await grid.login("grid", BoardAccounts.demoPassword)
            #expect(!(try await grid.get("/board/reviews")).html.contains("crashed-1"))
            let refused = try await grid.post("/board/reviews/crashed/1/retry", [])
            #expect(refused.status == .notFound)
        }
    }
}
