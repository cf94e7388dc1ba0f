import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import MessageFuzz
import Testing

@testable import BotServer
@testable import TaskBoard

/// Properties of the whole path: generated messages through the webhook, the inbox and processing,
/// and generated bodies through every decoder. The long runs are `fengchao fuzz`.
@Suite struct FuzzPathTests {
    static let generator: MessageGenerator = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        do {
            let yaml = try ["config/lexicon.yaml", "config/community.yaml"].map {
                try String(contentsOf: root.appendingPathComponent($0), encoding: .utf8)
            }
            return MessageGenerator(vocabulary: try FuzzVocabulary(yaml: yaml), seed: 16_2026)
        } catch {
            fatalError("fuzz vocabulary does not load: \(error)")
        }
    }()

    @Test func threeThousandGeneratedMessagesAreEachStoredAndProcessed() async throws {
        let store = try BoardStore.inMemory()
        var config = testConfig()
        // Sixty groups keep each conversation window small, as in real traffic.
        config.groups = (0..<60).map { GroupConfig(id: "fz-\($0)", role: $0 % 2 == 0 ? .riders : .members) }
        config.people.secretaries = ["fz-sec"]
        var dependencies = AppDependencies(
            logger: quietLogger(), store: store, replySenders: ["generic": LogReplySender(logger: quietLogger())])
        dependencies.pollInterval = .milliseconds(20)
        let app = try await buildApplication(config: config, dependencies: dependencies)
        try await app.test(.router) { client in
            var acked = 0
            for index in 0..<3_000 {
                let message = FuzzMessage(generator: Self.generator, index: index)
                var object: [String: Any] = [
                    "message_id": "fz-\(index)", "group_id": "fz-\(index % 60)", "text": message.text,
                    "sender": [
                        "id": index % 97 == 0 ? "fz-sec" : "u-\(index % 41)", "name": String(message.text.prefix(3)),
                    ],
                ]
                object["attachments"] = message.attachments.compactMap { attachment -> [String: Any]? in
                    switch attachment {
                    case .image(let url): ["type": "image", "url": url]
                    case .location(let lat, let lon, let label) where lat.isFinite && lon.isFinite:
                        ["type": "location", "lat": lat, "lon": lon, "label": label as Any]
                    case .location: nil
                    }
                }
                let response = try await client.postMessage(try JSONSerialization.data(withJSONObject: object))
                #expect(response.status == .ok || response.status == .badRequest, "message \(index)")
                if response.status == .ok { acked += 1 }
            }
            #expect(acked > 2_500)
            let drained = try await eventually(timeout: .seconds(300)) {
                try await store.read { tx in try tx.queue.inboxCount(state: .pending) } == 0
            }
            #expect(drained)
            let counts = try await store.read { tx in
                (
                    processed: try tx.queue.inboxCount(state: .processed),
                    failed: try tx.queue.inboxCount(state: .failed),
                    all: try tx.queue.inboxCount()
                )
            }
            #expect(counts.all == acked)
            #expect(counts.processed == acked)
            #expect(counts.failed == 0)
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok)
        }
    }

    @Test(arguments: DecoderFuzz.decoders)
    func decoderReturnsOrThrowsForGeneratedBodies(decoder: String) {
        let fuzz = DecoderFuzz(messages: Self.generator)
        var decoded = 0
        for index in 0..<5_000 where fuzz.run(decoder, index: index) { decoded += 1 }
        // Bodies are built well-formed and then some are broken: both paths must be reached.
        if decoder == "wechat_aes" {
            #expect(decoded < 5_000)
        } else {
            #expect(decoded > 0 && decoded < 5_000)
        }
    }
}
