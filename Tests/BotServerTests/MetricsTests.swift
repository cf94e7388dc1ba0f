import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BotServer
@testable import TaskBoard

/// `GET /metrics` in Prometheus's text format, open on loopback, behind the admin token otherwise.
@Suite struct MetricsTests {
    private func scrape(_ client: any TestClientProtocol, token: String? = nil) async throws -> (
        HTTPResponse.Status, String
    ) {
        let headers: HTTPFields = token.map { [.authorization: "Bearer \($0)"] } ?? [:]
        return try await client.execute(uri: "/metrics", method: .get, headers: headers) { response in
            (response.status, String(buffer: response.body))
        }
    }

    @Test func aScrapeShowsWebhooksProcessingAndQueues() async throws {
        let platform = ReplyRecorder()
        try await withServer(platform: platform) { client, _ in
            try await client.postMessage(messageBody(id: "m-1", sender: "u-7", name: "叶强", text: "龙西小区12栋窨井盖破损"))
            try await client.postMessage(messageBody(id: "m-1", sender: "u-7", name: "叶强", text: "龙西小区12栋窨井盖破损"))
            try await client.postMessage(Data("{not json".utf8))
            // The receipt in the riders' group and the new work announced in the members' group.
            try await platform.waitFor(delivered: 2)
            #expect(
                try await eventually {
                    try await scrape(client).1.contains("fengchao_outbox_messages{status=\"sent\"} 2")
                })

            let (status, text) = try await scrape(client)
            #expect(status == .ok)
            #expect(text.contains("fengchao_webhook_requests_total{channel=\"generic\",status=\"200\"} 2"))
            #expect(text.contains("fengchao_webhook_requests_total{channel=\"generic\",status=\"400\"} 1"))
            #expect(text.contains("fengchao_webhook_ack_seconds_count{channel=\"generic\"} 3"))
            #expect(text.contains("fengchao_ack_batch_size_count 2"))
            #expect(text.contains("fengchao_inbox_backlog 0"))
            #expect(text.contains("fengchao_inbox_processed_total{outcome=\"handled\"} 1"))
            #expect(text.contains("fengchao_inbox_processing_seconds_count 1"))
            #expect(text.contains("fengchao_parse_seconds_count 1"))
            #expect(text.contains("fengchao_outbox_messages{status=\"pending\"} 0"))
            #expect(text.contains("fengchao_outbox_deliveries_total{outcome=\"sent\"} 2"))
            #expect(text.contains("# TYPE fengchao_webhook_ack_seconds histogram"))
        }
    }

    @Test func boardPagesAreTimed() async throws {
        try await withServer(platform: ReplyRecorder()) { client, _ in
            try await client.execute(uri: "/board/login", method: .get) { #expect($0.status == .ok) }
            let text = try await scrape(client).1
            #expect(text.contains("fengchao_board_page_seconds_count{status=\"200\"} 1"))
        }
    }

    @Test func theTokenIsRequiredWhenConfiguredOrBeyondLoopback() async throws {
        var byToken = testConfig()
        byToken.metrics.access = .token
        var exposed = testConfig()
        exposed.server.host = "0.0.0.0"
        for config in [byToken, exposed] {
            let app = try await buildApplication(
                config: config,
                dependencies: AppDependencies(
                    logger: quietLogger(), store: try BoardStore.inMemory(), replySenders: [:]))
            try await app.test(.router) { client in
                #expect(try await scrape(client).0 == .unauthorized)
                #expect(try await scrape(client, token: "wrong").0 == .unauthorized)
                let (status, text) = try await scrape(client, token: "test-token")
                #expect(status == .ok)
                #expect(text.contains("fengchao_inbox_backlog 0"))
            }
        }
        let open = try await buildApplication(
            config: testConfig(),
            dependencies: AppDependencies(logger: quietLogger(), store: try BoardStore.inMemory(), replySenders: [:]))
        try await open.test(.router) { client in
            let (status, _) = try await scrape(client)
            #expect(status == .ok)
        }
    }
}
