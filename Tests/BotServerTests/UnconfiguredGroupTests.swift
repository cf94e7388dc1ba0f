import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BotServer
@testable import TaskBoard

/// A group nobody configured is told once why the bot does not answer; nothing is processed.
@Suite struct UnconfiguredGroupTests {
    @Test func theFirstMessageIsAnsweredOnceAndNoneIsProcessed() async throws {
        let platform = ReplyRecorder()
        try await withServer(platform: platform) { client, store in
            for n in 1...3 {
                try await client.postMessage(
                    messageBody(id: "x-\(n)", group: "stranger-group", sender: "u-\(n)", text: "龙西小区12栋井盖坏了"))
            }
            try await platform.waitFor(delivered: 1)
            #expect(await platform.texts == ["这个群还没有接入蜂巢，请联系社区书记配置。"])
            #expect(await platform.accepted.first?.json["group_id"]?.string == "stranger-group")
            #expect(
                try await eventually { try await store.read { tx in try tx.queue.inboxCount(state: .failed) } == 3 })
            #expect(try await store.read { tx in try tx.items(status: nil, limit: 10, offset: 0) }.isEmpty)
            // A configured group is untouched by it.
            try await client.postMessage(messageBody(id: "y-1", sender: "u-9", text: "我的积分"))
            try await platform.waitFor(delivered: 2)
            #expect(await platform.texts.count == 2)
        }
    }
}
