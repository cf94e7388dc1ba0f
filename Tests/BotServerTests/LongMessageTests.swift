import Foundation
import Testing

@testable import BotServer
@testable import TaskBoard

/// No single message holds up the ones behind it: a 200,000-character message is stored whole,
/// read only up to `conversation.parse_limit`, and the next report is answered.
@Suite struct LongMessageTests {
    @Test func aHugeMessageIsStoredWholeAndTheNextReportIsAnswered() async throws {
        let platform = ReplyRecorder()
        try await withServer(platform: platform) { client, store in
            let notice = "龙西小区12栋窨井盖破损，" + String(repeating: "井盖边上的路面也裂开了。", count: 200_000 / 12)
            #expect(notice.count > 200_000)
            try await client.postMessage(messageBody(id: "long-1", sender: "u-1", text: notice))
            try await client.postMessage(messageBody(id: "next-1", sender: "u-2", text: "世纪花园3栋路灯坏了"))
            // (each report: its receipt, then its announcement in the members' group)
            try await platform.waitFor(delivered: 4)
            // The inbox is handled in order: the huge message was done before the next one was answered.
            #expect(await platform.texts.last?.contains("路灯") == true)
            let (first, items) = try await store.read { tx in
                (try tx.queue.inbox(id: 1), try tx.items(status: nil, limit: 10, offset: 0))
            }
            #expect(first?.state == .processed)
            #expect(items.contains { $0.text == notice }, "the whole text is kept")
        }
    }

    @Test func theLimitIsConfiguredAndChecked() throws {
        var config = testConfig()
        config.conversation.parseLimit = 0
        #expect(throws: ConfigError.self) { try config.validate() }
    }
}

/// Issue 11, item 7: one message cannot make the server fetch thousands of images.
@Suite struct ImageCapTests {
    @Test func atMostNineImagesOfOneMessageAreKept() async throws {
        let platform = ReplyRecorder()
        try await withServer(platform: platform) { client, store in
            let images = (0..<3_000).map { "http://x.invalid/\($0).jpg" }
            try await client.postMessage(
                messageBody(id: "many-1", sender: "u-1", text: "龙西小区12栋窨井盖破损", images: images))
            try await platform.waitFor(delivered: 1)
            let photos = try await store.read { tx in try tx.detail(itemID: 1)?.photos.count }
            #expect(photos == 9)
        }
    }
}
