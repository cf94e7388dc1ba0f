import Foundation
import Testing

@testable import BotServer

/// Issue 11, item 6: a failing URL's secrets (a WeCom robot's key) never reach a log or the outbox.
@Suite struct SecretInURLTests {
    @Test func aTransportFailureNamesOnlyTheHost() async throws {
        let url = try #require(URL(string: "http://127.0.0.1:9/cgi-bin/webhook/send?key=SECRET-ROBOT-KEY"))
        let client = HTTPClient(timeout: 2)
        do {
            _ = try await client.postJSON(Data("{}".utf8), to: url)
            Issue.record("port 9 answered")
        } catch {
            #expect(!error.description.contains("SECRET-ROBOT-KEY"), "\(error)")
            #expect(error.description.contains("127.0.0.1"))
        }
    }
}
