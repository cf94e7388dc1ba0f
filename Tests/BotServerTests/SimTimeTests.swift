import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@testable import BotServer
@testable import TaskBoard

/// The simulator's 时间 control: each calendar job can be run from the page; the demo's clock moves
/// only in the open demo, and a wrong request is refused with a reason.
@Suite struct SimTimeTests {
    static func post(_ client: some TestClientProtocol, _ json: String) async throws -> (HTTPResponse.Status, String) {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return try await client.execute(
            uri: "/sim/time", method: .post, headers: headers, body: ByteBuffer(string: json)
        ) { response in (response.status, String(buffer: response.body)) }
    }

    @Test func thePageOffersEveryJobAndRunsOne() async throws {
        try await withSimServer { client, store in
            let page = try await client.execute(uri: "/sim", method: .get) { String(buffer: $0.body) }
            for job in Job.allCases { #expect(page.contains("data-job=\"\(job.rawValue)\""), "\(job)") }
            // The test server's store is the caller's, not the demo's clock: no fast-forward offered.
            #expect(!page.contains("data-advance="))

            // The secretary the demo's persona plays (sim:sec-1 for the configured sec-1) hears the report
            // where the persona spoke, so the newcomer sees it in the simulator.
            #expect(try await client.simPost(persona: "secretary", group: "riders-1", text: "大家好").status == .ok)
            let (status, body) = try await Self.post(client, #"{"job": "weekly_report"}"#)
            #expect(status == .ok)
            #expect(body.contains(#""ok":true"#))
            #expect(body.contains(#""queued":1"#))
            let report = try await store.read { tx in
                try tx.queue.outbox(status: nil).last { $0.payload.contains("每周研判") }
            }
            #expect(report?.channel == "sim")
            #expect(report?.target == "riders-1")
        }
    }

    @Test func wrongRequestsAreRefusedWithAReason() async throws {
        try await withSimServer { client, _ in
            let unknown = try await Self.post(client, #"{"job": "coffee"}"#)
            #expect(unknown.0 == .badRequest)
            #expect(unknown.1.contains("unknown job coffee"))
            let notDemo = try await Self.post(client, #"{"advance": "1d"}"#)
            #expect(notDemo.0 == .badRequest)
            #expect(notDemo.1.contains("open demo"))
            let empty = try await Self.post(client, "{}")
            #expect(empty.0 == .badRequest)
        }
    }

    @Test func theDemoClockOnlyMovesForward() {
        let clock = DemoClock()
        let before = clock.now()
        clock.advance(by: 86_400)
        clock.advance(by: -86_400 * 10)
        #expect(clock.now().timeIntervalSince(before) >= 86_400)
        #expect(clock.now().timeIntervalSince(before) < 86_400 + 60)
    }
}
