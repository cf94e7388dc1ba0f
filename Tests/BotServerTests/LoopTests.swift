import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BotServer
@testable import TaskBoard

/// The whole story of issue 2 through the public webhook, with replies delivered over HTTP to a fake platform.
@Suite struct LoopTests {
    @Test func reportClaimCompleteVerifyPaysExactPoints() async throws {
        let platform = FakePlatform()
        try await withServer(platform: platform) { client, store in
            // Given a rider's report with a photo
            let ack = try await client.postMessage(
                messageBody(
                    id: "m-1", sender: "u-7", name: "叶强", text: "龙西小区12栋窨井盖破损",
                    images: ["http://example.invalid/a.jpg"]))
            #expect(ack.status == .ok)
            #expect(String(buffer: ack.body).contains("\"duplicate\":false"))
            // (the receipt, then the announcement in the members' group)
            try await platform.waitFor(delivered: 2)
            #expect(await platform.accepted[1].json["group_id"]?.string == "members-1")
            let receipt = await platform.accepted[0]
            #expect(receipt.json["group_id"]?.string == "riders-1")
            #expect(receipt.json["in_reply_to"]?.string == "m-1")
            #expect(receipt.json["mentions"]?.array?.first?.string == "u-7")
            let receiptText = receipt.json["text"]?.string ?? ""
            #expect(receiptText.contains("#1"))
            #expect(receiptText.contains("井盖"))
            #expect(receiptText.contains("龙西小区12栋"))
            #expect(receiptText.contains("第一网格"))
            #expect(receiptText.contains("+1"))

            // When a party member registers and claims it
            try await client.postMessage(
                messageBody(id: "m-2", group: "members-1", sender: "p-1", name: "Zhang", text: "报到 张三"))
            try await platform.waitFor(delivered: 3)
            #expect(await platform.texts[2].contains("张三"))
            try await client.postMessage(messageBody(id: "m-3", group: "members-1", sender: "p-1", text: "认领 #1"))
            // (the claimant's answer, then the reporter's news in the riders' group)
            try await platform.waitFor(delivered: 5)
            #expect(await platform.texts[3].contains("#1 已由 张三 认领"))
            #expect(await platform.accepted[4].json["group_id"]?.string == "riders-1")

            // And submits it done with a photo
            try await client.postMessage(
                messageBody(
                    id: "m-4", group: "members-1", sender: "p-1", text: "#1 完成",
                    images: ["http://example.invalid/b.jpg"]))
            try await platform.waitFor(delivered: 6)
            #expect(await platform.texts[5].contains("#1 已提交办结"))

            // And the secretary verifies it
            try await client.postMessage(
                messageBody(id: "m-5", group: "members-1", sender: "sec-1", name: "李书记", text: "验收 #1"))
            try await platform.waitFor(delivered: 8)
            let verified = await platform.texts[6]
            #expect(await platform.texts[7] == "#1 已办结 ✅ 感谢反映，+2")
            #expect(verified.contains("#1 验收通过"))
            #expect(verified.contains("张三 +5"))
            #expect(verified.contains("叶强 +2"))

            // Then the points are exactly 1 + 2 for the reporter and 5 for the claimant
            let (status, reporter) = try await client.getJSON("/api/members/u-7/points")
            #expect(status == .ok)
            #expect(reporter?["total"]?.number == 3)
            #expect(reporter?["balance"]?["reports"]?.number == 3)
            let (_, claimant) = try await client.getJSON("/api/members/p-1/points")
            #expect(claimant?["total"]?.number == 5)
            #expect(claimant?["balance"]?["service"]?.number == 5)

            // And the item is closed with its whole timeline and both photos
            let (_, item) = try await client.getJSON("/api/items/1")
            #expect(item?["item"]?["status"]?.string == "closed")
            #expect(item?["timeline"]?.array?.count == 4)
            #expect(item?["photos"]?.array?.count == 2)

            // And the chat queries answer
            try await client.postMessage(messageBody(id: "m-6", sender: "u-7", text: "我的积分"))
            try await platform.waitFor(delivered: 9)
            #expect(await platform.texts[8].contains("可用余额 3 分"))
            try await client.postMessage(messageBody(id: "m-7", group: "members-1", sender: "p-1", text: "积分榜"))
            try await platform.waitFor(delivered: 10)
            let board = await platform.texts[9]
            // (the members' group sees the 志愿服务 board: the reporter's points are on the other one)
            #expect(board.contains("1. 张三 5 分"))
            #expect(!board.contains("叶强"))
        }
    }

    @Test func refusalsAnswerInChineseAndChangeNothing() async throws {
        let platform = FakePlatform()
        try await withServer(platform: platform) { client, store in
            try await client.postMessage(messageBody(id: "r-1", sender: "u-1", name: "骑手", text: "平东小区3栋楼道灯不亮了"))
            try await client.postMessage(messageBody(id: "r-0", group: "members-1", sender: "p-1", text: "报到 张三"))
            try await client.postMessage(messageBody(id: "r-00", group: "members-1", sender: "p-2", text: "报到 王五"))
            // (the receipt, the announcement and two registrations)
            try await platform.waitFor(delivered: 4)
            // A claim on an item that does not exist
            try await client.postMessage(messageBody(id: "r-2", group: "members-1", sender: "p-1", text: "认领 #99"))
            try await platform.waitFor(delivered: 5)
            #expect(await platform.texts[4].contains("没有找到 #99"))
            // A rider may not claim
            try await client.postMessage(messageBody(id: "r-3", sender: "u-1", text: "认领 #1"))
            try await platform.waitFor(delivered: 6)
            #expect(await platform.texts[5].contains("不能认领"))
            // A claim on a claimed item names the claimant
            try await client.postMessage(
                messageBody(id: "r-4", group: "members-1", sender: "p-1", name: "张三", text: "认领 #1"))
            try await platform.waitFor(delivered: 8)
            try await client.postMessage(
                messageBody(id: "r-5", group: "members-1", sender: "p-2", name: "王五", text: "认领 #1"))
            try await platform.waitFor(delivered: 9)
            #expect(await platform.texts[8].contains("#1 已由 张三 认领"))
            // Only the claimant may submit
            try await client.postMessage(messageBody(id: "r-6", group: "members-1", sender: "p-2", text: "#1 完成"))
            try await platform.waitFor(delivered: 10)
            #expect(await platform.texts[9].contains("只有认领人"))
            // A member may not verify
            try await client.postMessage(messageBody(id: "r-7", group: "members-1", sender: "p-2", text: "验收 #1"))
            try await platform.waitFor(delivered: 11)
            #expect(await platform.texts[10].contains("不能验收"))

            let item = try await store.read { tx in try tx.item(id: 1) }
            #expect(item?.status == .claimed)
            let ledger = try await store.read { tx in try tx.balance(memberID: 2) }
            #expect(ledger.total == 0)
        }
    }
}
