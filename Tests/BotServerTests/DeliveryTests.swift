import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BotServer
@testable import TaskBoard

/// Nothing is lost: retries, platform retries of one message, restarts with replies still queued.
@Suite struct DeliveryTests {
    @Test func samePostedTwiceMakesOneItemAndOneReceipt() async throws {
        let platform = FakePlatform()
        try await withServer(platform: platform) { client, store in
            let body = messageBody(id: "dup-1", sender: "u-7", text: "龙西小区12栋窨井盖破损")
            let first = try await client.postMessage(body)
            let second = try await client.postMessage(body)
            #expect(first.status == .ok)
            #expect(second.status == .ok)
            #expect(String(buffer: second.body).contains("\"duplicate\":true"))
            // A later message proves the worker got past the duplicate.
            try await client.postMessage(messageBody(id: "dup-2", sender: "u-7", text: "我的积分"))
            try await platform.waitFor(delivered: 2)
            let items = try await store.read { tx in try tx.items(status: nil, limit: 10, offset: 0) }
            #expect(items.count == 1)
            #expect(await platform.texts.filter { $0.contains("已收到") }.count == 1)
        }
    }

    @Test func receiverFailingThreeTimesGetsExactlyOneDelivery() async throws {
        let platform = FakePlatform(failFirst: 3)
        try await withServer(platform: platform) { client, store in
            try await client.postMessage(messageBody(id: "f-1", sender: "u-7", text: "我的积分"))
            try await platform.waitFor(delivered: 1)
            #expect(await platform.received.count == 4)
            #expect(
                try await eventually { try await store.read { tx in try tx.queue.outboxCount(status: .sent) } == 1 })
            let rows = try await store.read { tx in try tx.queue.outbox(status: nil) }
            #expect(rows.count == 1)
            #expect(rows.first?.attempts == 4)
        }
        #expect(await platform.accepted.count == 1)
    }

    @Test func unreachableReceiverEndsFailedAfterMaxAttempts() async throws {
        let platform = FakePlatform(alwaysFail: true)
        try await withServer(platform: platform, configure: { config, _ in config.outbound.maxAttempts = 3 }) {
            client, store in
            try await client.postMessage(messageBody(id: "x-1", sender: "u-7", text: "龙西小区12栋窨井盖破损"))
            try await platform.waitFor(delivered: 3, acceptedOnly: false)
            // The failed mark is written right after the third answer.
            #expect(
                try await eventually { try await store.read { tx in try tx.queue.outboxCount(status: .failed) } == 1 })
            let row = try await store.read { tx in try tx.queue.outbox(status: nil).first }
            #expect(row?.attempts == 3)
            #expect(row?.lastError?.contains("503") == true)
        }
    }

    @Test func restartedServerDeliversPendingReplies() async throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // Given a server whose platform is down when the receipt is queued
        let down = FakePlatform(alwaysFail: true)
        try await down.run { base in
            var config = testConfig(outboundURL: base, storage: directory)
            config.outbound.maxAttempts = 1000
            let app = try await buildApplication(config: config, dependencies: AppDependencies(logger: quietLogger()))
            try await app.test(.router) { client in
                try await client.postMessage(messageBody(id: "p-1", sender: "u-7", text: "龙西小区12栋窨井盖破损"))
                try await down.waitFor(delivered: 1, acceptedOnly: false)
            }
        }
        #expect(await down.accepted.isEmpty)
        let store = try BoardStore.open(directory: directory)
        // (the receipt, and the announcement in the members' group)
        #expect(try await store.read { tx in try tx.queue.outbox(status: .pending) }.count == 2)

        // When the server starts again on the same data with the platform up
        let up = FakePlatform()
        try await up.run { base in
            var config = testConfig(outboundURL: base, storage: directory)
            config.outbound.maxAttempts = 1000
            let app = try await buildApplication(
                config: config, dependencies: AppDependencies(logger: quietLogger(), store: store))
            try await app.test(.router) { _ in
                // Then the queued replies are delivered, once each
                try await up.waitFor(delivered: 2)
                #expect(
                    try await eventually { try await store.read { tx in try tx.queue.outboxCount(status: .sent) } == 2 }
                )
            }
        }
        #expect(await up.texts.count == 2)
        #expect(await up.texts.first?.contains("#1") == true)
    }
}
