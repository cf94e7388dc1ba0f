import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BotServer
@testable import TaskBoard

/// The group as people really write in it: photos before or after the words, a report without a
/// place, a message the parser is unsure of.
@Suite struct ConversationTests {
    private func idle(_ store: BoardStore) async throws -> Bool {
        try await eventually { try await store.read { tx in try tx.queue.inboxCount(state: .pending) } == 0 }
    }

    private func item(_ store: BoardStore, _ id: Int64) async throws -> ItemDetail? {
        try await store.read { tx in try tx.detail(itemID: id) }
    }

    @Test func photoThenTextMakesOneItemWithThePhoto() async throws {
        let clock = ManualClock()
        let platform = ReplyRecorder()
        try await withServer(platform: platform, store: try BoardStore.inMemory(clock: clock.now)) { client, store in
            // Given a rider's photo with no words
            try await client.postMessage(
                messageBody(id: "c-1", sender: "u-1", text: "", images: ["http://x.invalid/1.jpg"]))
            #expect(try await idle(store))
            #expect(await platform.received.isEmpty)
            // When the words follow 40 seconds later, after someone else's chat
            clock.advance(seconds: 10)
            try await client.postMessage(messageBody(id: "c-2", sender: "u-2", text: "早上好"))
            clock.advance(seconds: 30)
            try await client.postMessage(messageBody(id: "c-3", sender: "u-1", text: "平东小区后门垃圾堆成山了"))
            // Then one item carries the photo, and one receipt answers
            try await platform.waitFor(delivered: 1)
            let detail = try #require(try await item(store, 1))
            #expect(detail.item.category == "garbage")
            #expect(detail.photos.map(\.url) == ["http://x.invalid/1.jpg"])
            #expect(try await store.read { tx in try tx.items(status: nil, limit: 10, offset: 0) }.count == 1)
        }
    }

    @Test func photoAfterTheTextIsAddedToItsItem() async throws {
        let clock = ManualClock()
        let platform = ReplyRecorder()
        try await withServer(platform: platform, store: try BoardStore.inMemory(clock: clock.now)) { client, store in
            try await client.postMessage(messageBody(id: "a-1", sender: "u-3", text: "世纪花园东门那个路灯杆被车撞歪了"))
            // (the receipt, and the announcement in the members' group)
            try await platform.waitFor(delivered: 2)
            clock.advance(seconds: 30)
            try await client.postMessage(
                messageBody(
                    id: "a-2", sender: "u-3", text: "", images: ["http://x.invalid/a.jpg", "http://x.invalid/b.jpg"]))
            try await platform.waitFor(delivered: 3)
            #expect(await platform.texts[2] == "#1 已补充照片 2 张。")
            #expect(try await item(store, 1)?.photos.count == 2)
        }
    }

    @Test func anotherSendersPhotoNeverJoinsAndBecomesItsOwnReportAfterTheWindow() async throws {
        let clock = ManualClock()
        let platform = ReplyRecorder()
        try await withServer(platform: platform, store: try BoardStore.inMemory(clock: clock.now)) { client, store in
            try await client.postMessage(messageBody(id: "o-1", sender: "u-1", text: "龙西小区7栋楼道里全是纸箱子"))
            try await platform.waitFor(delivered: 2)
            clock.advance(seconds: 20)
            try await client.postMessage(
                messageBody(id: "o-2", sender: "u-2", text: "", images: ["http://x.invalid/o.jpg"]))
            #expect(try await idle(store))
            #expect(try await item(store, 1)?.photos.isEmpty == true)
            // When the window passes with no words from u-2
            clock.advance(seconds: 301)
            // Then the photo is a report of its own, and its sender is asked where it is
            try await platform.waitFor(delivered: 4)
            let receipt = await platform.accepted[2]
            #expect(receipt.json["in_reply_to"]?.string == "o-2")
            #expect(receipt.json["text"]?.string?.contains("#2") == true)
            #expect(receipt.json["text"]?.string?.contains("还缺位置") == true)
            let second = try #require(try await item(store, 2))
            #expect(second.item.category == "other")
            #expect(second.photos.count == 1)
            #expect(second.reporter.platformID == "u-2")
        }
    }

    @Test func thanksWithAPhotoFilesNothing() async throws {
        let clock = ManualClock()
        let platform = ReplyRecorder()
        try await withServer(platform: platform, store: try BoardStore.inMemory(clock: clock.now)) { client, store in
            try await client.postMessage(messageBody(id: "t-1", sender: "u-5", text: "谢谢物业 已经修好了"))
            clock.advance(seconds: 15)
            try await client.postMessage(
                messageBody(id: "t-2", sender: "u-5", text: "", images: ["http://x.invalid/t.jpg"]))
            #expect(try await idle(store))
            clock.advance(seconds: 400)
            try await client.postMessage(messageBody(id: "t-3", sender: "u-5", text: "积分榜"))
            try await platform.waitFor(delivered: 1)
            #expect(await platform.texts.count == 1)
            #expect(await platform.texts[0].contains("积分榜"))
            #expect(try await store.read { tx in try tx.items(status: nil, limit: 10, offset: 0) }.isEmpty)
        }
    }

    @Test func aReportWithoutAPlaceIsAskedOnceAndCompletedByTheNextMessage() async throws {
        let platform = ReplyRecorder()
        try await withServer(platform: platform) { client, store in
            try await client.postMessage(messageBody(id: "q-1", sender: "u-9", text: "这里井盖碎了 很危险"))
            try await platform.waitFor(delivered: 2)
            #expect(await platform.texts[0].contains("还缺位置"))
            try await client.postMessage(messageBody(id: "q-2", sender: "u-9", text: "龙西小区12栋"))
            try await platform.waitFor(delivered: 3)
            #expect(await platform.texts[2] == "#1 位置已补充：龙西小区12栋，已转第一网格处理。")
            let detail = try #require(try await item(store, 1))
            #expect(detail.item.estate == "龙西小区")
            #expect(detail.item.building == "12")
            #expect(detail.item.grid == "G1")
            #expect(detail.events.map(\.action).contains(.located))
            // Asked once: a later place-only message does not move the item (the model holds it for review)
            try await client.postMessage(messageBody(id: "q-3", sender: "u-9", text: "平东小区3栋"))
            try await client.postMessage(messageBody(id: "q-4", sender: "u-9", text: "我的积分"))
            #expect(try await eventually { await platform.texts.contains { $0.contains("的积分") } })
            #expect(try await item(store, 1)?.item.estate == "龙西小区")
        }
    }

    @Test func anUnsureReportWaitsForTheSecretary() async throws {
        let platform = ReplyRecorder()
        try await withServer(platform: platform) { client, store in
            try await client.postMessage(messageBody(id: "r-1", sender: "u-4", text: "世纪花园3栋的那个坏了"))
            try await platform.waitFor(delivered: 1)
            #expect(await platform.texts[0] == "已收到，社区确认后会登记，谢谢！")
            let reviews = try await store.read { tx in try tx.reviews(status: .open, limit: 10) }
            #expect(reviews.count == 1)
            #expect(reviews.first?.text == "世纪花园3栋的那个坏了")
            #expect(reviews.first?.reason == .lowConfidence)
            #expect(try await store.read { tx in try tx.items(status: nil, limit: 10, offset: 0) }.isEmpty)
        }
    }
}
