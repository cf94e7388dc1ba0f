import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BotServer
@testable import TaskBoard

/// The message of issue 16, which used to kill the server at every start: now an ordinary claim.
@Suite struct QuoteReplyTests {
    @Test func aQuoteReplyIsAnsweredAsAClaimOrARefusalAndTheServerGoesOn() async throws {
        let platform = ReplyRecorder()
        try await withServer(platform: platform) { client, store in
            try await client.postMessage(messageBody(id: "r-1", sender: "u-7", name: "叶强", text: "龙西小区12栋窨井盖破损"))
            try await platform.waitFor(delivered: 2)
            try await client.postMessage(
                messageBody(id: "q-0", group: "members-1", sender: "p-1", name: "张三", text: "报到 张三"))
            try await platform.waitFor(delivered: 3)

            // The message names #12, which does not exist: a refusal, not a crash.
            try await client.postMessage(
                messageBody(
                    id: "q-1", group: "members-1", sender: "p-1", name: "张三", text: "「叶强：龙西小区12栋窨井盖破损 #12」\n----\n我来"))
            try await platform.waitFor(delivered: 4)
            #expect(await platform.texts[3].contains("#12"))
            #expect(try await store.read { tx in try tx.item(id: 1) }?.status == .open)

            // The same layout quoting the real item claims it.
            try await client.postMessage(
                messageBody(id: "q-2", group: "members-1", sender: "p-1", text: "「叶强：龙西小区12栋窨井盖破损 #1」\n----\n我来"))
            // (the claimant's answer, then the reporter's news in the riders' group)
            try await platform.waitFor(delivered: 6)
            #expect(await platform.texts[4].contains("#1 已由 张三 认领"))
            #expect(try await store.read { tx in try tx.queue.inboxCount(state: .processed) } == 4)
        }
    }
}
