import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BotServer
@testable import TaskBoard

/// Bad input at the edge: a clear status, a log line, and nothing stored.
@Suite struct WebhookTests {
    private func withApp(
        secret: String = "", _ body: @Sendable (any TestClientProtocol, BoardStore) async throws -> Void
    ) async throws {
        let store = try BoardStore.inMemory()
        let app = try await buildApplication(
            config: testConfig(secret: secret),
            dependencies: AppDependencies(logger: quietLogger(), store: store, replySenders: [:]))
        try await app.test(.router) { client in try await body(client, store) }
    }

    private func inboxCount(_ store: BoardStore) async throws -> Int {
        try await store.read { tx in try tx.queue.inboxCount() }
    }

    @Test func badSignatureIsRefusedAndNothingStored() async throws {
        try await withApp(secret: "s3cret") { client, store in
            let body = messageBody(id: "s-1", sender: "u-1", text: "龙西小区12栋窨井盖破损")
            let wrong = try await client.postMessage(
                body,
                headers: [WebhookController.signatureHeader: SignatureVerifier.signature(secret: "other", body: body)])
            #expect(wrong.status == .unauthorized)
            let missing = try await client.postMessage(body)
            #expect(missing.status == .unauthorized)
            #expect(try await inboxCount(store) == 0)
            let right = try await client.postMessage(
                body,
                headers: [WebhookController.signatureHeader: SignatureVerifier.signature(secret: "s3cret", body: body)])
            #expect(right.status == .ok)
            #expect(try await inboxCount(store) == 1)
        }
    }

    @Test(arguments: [
        "{not json",
        "[]",
        #"{"group_id":"riders-1","sender":{"id":"u"},"text":"x"}"#,
        #"{"message_id":"m","sender":{"id":"u"},"text":"x"}"#,
        #"{"message_id":"m","group_id":"riders-1","text":"x"}"#,
        #"{"message_id":"m","group_id":"riders-1","sender":{"id":"u"},"text":"   "}"#,
        #"{"message_id":"m","group_id":"riders-1","sender":{"id":"u"},"text":"x","attachments":[{"type":"image"}]}"#,
    ])
    func malformedBodyIs400AndNothingStored(body: String) async throws {
        try await withApp { client, store in
            let response = try await client.postMessage(Data(body.utf8))
            #expect(response.status == .badRequest)
            #expect(String(buffer: response.body).contains("\"ok\":false"))
            #expect(try await inboxCount(store) == 0)
        }
    }

    @Test func oversizeBodyIs413() async throws {
        try await withApp { client, store in
            let text = String(repeating: "井", count: 400_000)
            let response = try await client.postMessage(messageBody(id: "big", sender: "u", text: text))
            #expect(response.status == .contentTooLarge)
            #expect(try await inboxCount(store) == 0)
        }
    }

    @Test func numericIdsAreAcceptedAsStrings() async throws {
        try await withApp { client, store in
            let body = #"{"message_id":12345678901234567,"group_id":880001,"sender":{"id":42},"text":"你好"}"#
            let response = try await client.postMessage(Data(body.utf8))
            #expect(response.status == .ok)
            #expect(try await inboxCount(store) == 1)
        }
    }

    @Test func apiNeedsTheBearerToken() async throws {
        try await withApp { client, _ in
            let (noToken, _) = try await client.getJSON("/api/items", token: "wrong")
            #expect(noToken == .unauthorized)
            let (ok, body) = try await client.getJSON("/api/items")
            #expect(ok == .ok)
            #expect(body?["items"]?.array?.isEmpty == true)
            let (badStatus, _) = try await client.getJSON("/api/items?status=nonsense")
            #expect(badStatus == .badRequest)
            let (missing, _) = try await client.getJSON("/api/items/42")
            #expect(missing == .notFound)
            let (period, _) = try await client.getJSON("/api/leaderboard?period=decade")
            #expect(period == .badRequest)
        }
    }

    @Test func healthzAnswers() async throws {
        try await withApp { client, _ in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("\"ok\":true"))
            }
        }
    }
}
