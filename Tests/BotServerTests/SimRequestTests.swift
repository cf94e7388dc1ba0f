import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import BotServer
@testable import TaskBoard

/// Bad posts to the simulator are refused with a status and a log line, and store nothing.
@Suite struct SimRequestTests {
    @Test(arguments: [
        /// Not JSON at all.
        "not json",
        /// JSON without the persona.
        #"{"group":"riders-1","text":"x"}"#,
        /// A persona that is not in the cast.
        #"{"persona":"nobody","group":"riders-1","text":"x"}"#,
        /// A group that is not configured.
        #"{"persona":"rider-1","group":"nowhere","text":"x"}"#,
        /// A persona outside the group.
        #"{"persona":"member-1","group":"riders-1","text":"x"}"#,
        /// A photo that is not a bundled sample (nor a path out of the folder).
        #"{"persona":"rider-1","group":"riders-1","text":"x","photo":"../../etc/passwd"}"#,
        /// An unknown location preset.
        #"{"persona":"rider-1","group":"riders-1","text":"x","location":"moon"}"#,
        /// Nothing to say.
        #"{"persona":"rider-1","group":"riders-1","text":"   "}"#,
    ])
    func badPostsAreRefusedWith400(body: String) async throws {
        try await withSimServer { client, store in
            let response = try await client.simPostRaw(Data(body.utf8))
            #expect(response.status == .badRequest)
            let answer = try JSONDecoder().decode(JSONValue.self, from: Data(response.body.readableBytesView))
            #expect(answer["ok"]?.bool == false)
            #expect(try await store.read { tx in try tx.queue.inboxCount() } == 0)
        }
    }

    @Test func aRefusalIsLogged() async throws {
        let lines = RecordingLogHandler.Lines()
        let store = try BoardStore.inMemory()
        var config = testConfig()
        config.logLevel = "info"
        let app = try await buildApplication(
            config: config,
            dependencies: AppDependencies(
                logger: Logger(label: "test") { _ in RecordingLogHandler(lines: lines) }, store: store))
        try await app.test(.router) { client in
            let response = try await client.simPostRaw(Data(#"{"persona":"nobody","group":"riders-1"}"#.utf8))
            #expect(response.status == .badRequest)
        }
        let refusal = lines.all.first { $0.message == "sim.refused" }
        #expect(refusal?.metadata["reason"] == "unknown persona nobody")
    }

    @Test func aLargeBodyIsRefusedWith413() async throws {
        try await withSimServer { client, store in
            let text = String(repeating: "井", count: 20_000)
            let response = try await client.simPost(persona: "rider-1", group: "riders-1", text: text)
            #expect(response.status == .contentTooLarge)
            #expect(try await store.read { tx in try tx.queue.inboxCount() } == 0)
        }
    }

    @Test func aTooLongTextIsRefused() async throws {
        try await withSimServer { client, _ in
            let response = try await client.simPost(
                persona: "rider-1", group: "riders-1", text: String(repeating: "a", count: 1001))
            #expect(response.status == .badRequest)
        }
    }

    @Test func onlyJSONIsAccepted() async throws {
        try await withSimServer { client, _ in
            let body = Data(#"{"persona":"rider-1","group":"riders-1","text":"x"}"#.utf8)
            let response = try await client.simPostRaw(body, contentType: "text/plain")
            #expect(response.status == .unsupportedMediaType)
        }
    }

    @Test func theTranscriptNeedsAKnownGroupAndAWellFormedCursor() async throws {
        try await withSimServer { client, _ in
            #expect(try await client.simTranscript(group: "nowhere").0 == .badRequest)
            #expect(try await client.simTranscript(group: "riders-1", after: "abc").0 == .badRequest)
            #expect(try await client.simTranscript(group: "riders-1", after: "1.-2").0 == .badRequest)
            #expect(try await client.simTranscript(group: "riders-1", after: "0.0", wait: -1).0 == .badRequest)
            let (status, body) = try await client.simTranscript(group: "riders-1")
            #expect(status == .ok)
            #expect(body?["entries"]?.array?.isEmpty == true)
            #expect(body?["more"]?.bool == false)
        }
    }
}
