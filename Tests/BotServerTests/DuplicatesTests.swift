import Foundation
import HummingbirdTesting
import Testing

@testable import BotServer
@testable import TaskBoard

/// Issue 13 item 4, duplicates joined: a second report of the same thing joins the open item (+0,
/// not announced) and its reporter hears when it closes; "我也遇到了 #1" joins explicitly; "#1 又坏了"
/// reopens a recently closed item; the secretary splits a wrong join from the board.
@Suite struct DuplicatesTests {
    private let due = AroundTheItem.issueDue
    private let joinedWords = "与 #1 是同一件事，已合并跟进，办结后会通知您"

    /// 叶强 reports #1 (receipt + announcement), 张三 registers.
    private func reportAndRegister(_ client: some TestClientProtocol, _ platform: ReplyRecorder) async throws {
        try await client.postMessage(messageBody(id: "r-1", sender: "u-7", name: "叶强", text: "龙西小区12栋窨井盖破损"))
        try await client.postMessage(messageBody(id: "r-2", group: "members-1", sender: "p-1", text: "报到 张三"))
        try await platform.waitFor(delivered: 3)
    }

    /// 张三 claims and completes #1, the secretary verifies it in the members' group.
    private func claimAndVerify(
        _ client: some TestClientProtocol, _ platform: ReplyRecorder, tag: String, after delivered: Int
    ) async throws {
        try await client.postMessage(messageBody(id: "\(tag)-c", group: "members-1", sender: "p-1", text: "认领 #1"))
        try await client.postMessage(
            messageBody(
                id: "\(tag)-d", group: "members-1", sender: "p-1", text: "#1 完成", images: ["http://x.invalid/1.jpg"]))
        try await platform.waitFor(delivered: delivered + 3)
        try await client.postMessage(messageBody(id: "\(tag)-v", group: "members-1", sender: "sec-1", text: "验收 #1"))
    }

    @Test func aSecondReportOfTheSameThingJoinsTheOpenItemAndItsReporterHearsWhenItCloses() async throws {
        let platform = ReplyRecorder()
        try await AroundTheItem.run(platform) { client, store, _ in
            try await reportAndRegister(client, platform)
            // When another rider reports the same manhole cover at the same building
            try await client.postMessage(
                messageBody(id: "j-1", sender: "u-8", name: "周小蜂", text: "龙西小区12栋井盖坏了，很危险"))
            try await platform.waitFor(delivered: 4)
            // Then the sender alone hears it is the same thing: no receipt, no announcement, no points
            #expect(await platform.heard(in: "riders-1").last == Heard(joinedWords, ["u-8"]))
            #expect(await platform.heard(in: "members-1").count == 2)
            let state = try await store.read { tx in
                (
                    try tx.items(status: nil, limit: 10, offset: 0).count,
                    try tx.joinedReports(of: 1).map(\.text),
                    try tx.member(platformID: "u-8").flatMap(\.id).map { try tx.balance(memberID: $0).total }
                )
            }
            #expect(state.0 == 1)
            #expect(state.1 == ["龙西小区12栋井盖坏了，很危险"])
            #expect(state.2 == 0)
            // And the board lists it on #1's page
            let board = BoardClient(client)
            try await board.login("sec", "pw-secret")
            let page = try await board.get("/board/items/1")
            #expect(page.html.contains("龙西小区12栋井盖坏了，很危险"))
            #expect(page.html.contains("action-split-1"))

            // When #1 is verified, the joined reporter hears it once, in words of their own
            try await claimAndVerify(client, platform, tag: "j", after: 4)
            try await platform.waitFor(delivered: 10)
            let riders = await platform.heard(in: "riders-1")
            #expect(
                Array(riders.suffix(3)) == [
                    Heard("您反映的 #1 井盖｜龙西小区12栋 已由 张三 认领，\(due) 前办结，办结后会告诉您。", ["u-7"]),
                    Heard("#1 已办结 ✅ 感谢反映，+2", ["u-7"]),
                    Heard("您反映的问题（与 #1 是同一件事）已办结 ✅ 感谢反映", ["u-8"]),
                ])
            #expect(try await store.read { tx in try tx.joinedReports(of: 1).first?.notifiedAt } != nil)
        }
    }

    @Test func meTooJoinsExplicitlyAndNotAClosedItem() async throws {
        let platform = ReplyRecorder()
        try await AroundTheItem.run(platform) { client, store, _ in
            try await reportAndRegister(client, platform)
            // When a member says it happens to them too, quoting the number
            try await client.postMessage(
                messageBody(id: "m-1", group: "members-1", sender: "p-2", name: "李梅", text: "我也遇到了 #1"))
            try await platform.waitFor(delivered: 4)
            #expect(await platform.heard(in: "members-1").last == Heard(joinedWords, ["p-2"]))
            let joined = try await store.read { tx in try tx.joinedReports(of: 1) }
            #expect(joined.map(\.explicit) == [true])
            #expect(joined.first?.category == "manhole")
            #expect(joined.first?.location.building == "12")
            #expect(try await store.read { tx in try tx.items(status: nil, limit: 10, offset: 0).count } == 1)

            // Once #1 is closed, "me too" is refused in words
            try await claimAndVerify(client, platform, tag: "m", after: 4)
            try await platform.waitFor(delivered: 10)
            try await client.postMessage(messageBody(id: "m-2", sender: "u-8", text: "我也遇到了 #1"))
            try await platform.waitFor(delivered: 11)
            #expect(await platform.heard(in: "riders-1").last == Heard("#1 现在是「已办结」，不能合并跟进。", ["u-8"]))
        }
    }

    @Test func brokenAgainReopensARecentlyClosedItemAndTellsTheClaimantTheGridAndTheReporter() async throws {
        let platform = ReplyRecorder()
        try await AroundTheItem.run(platform) { client, store, clock in
            try await reportAndRegister(client, platform)
            // "#1 又坏了" while it is still open: said so, nothing changes
            try await client.postMessage(messageBody(id: "o-1", sender: "u-8", name: "周小蜂", text: "#1 又坏了"))
            try await platform.waitFor(delivered: 4)
            #expect(
                await platform.heard(in: "riders-1").last == Heard("#1 还没有办结，正在跟进中，办结后会通知报告人。", ["u-8"]))
            try await claimAndVerify(client, platform, tag: "o", after: 4)
            try await platform.waitFor(delivered: 9)

            // When, ten days after it closed, a rider says it broke again
            clock.advance(seconds: 10 * 86400)
            try await client.postMessage(messageBody(id: "o-2", sender: "u-8", text: "#1 又坏了"))
            try await platform.waitFor(delivered: 11)
            // Then the riders' group hears it reopened, naming the rider, the former claimant, the
            // reporter and the grid worker; the former claimant's group hears the same words
            let words = "#1 又坏了，已重新打开：井盖｜龙西小区12栋，请在 1月18日 08:00 前办结。\n原办理人 张三 可回复「认领 #1」继续跟进。"
            #expect(await platform.heard(in: "riders-1").last == Heard(words, ["u-8", "p-1", "u-7", "gw-1"]))
            #expect(await platform.heard(in: "members-1").last == Heard(words, ["p-1", "u-7", "gw-1"]))
            let item = try #require(try await store.read { tx in try tx.item(id: 1) })
            #expect(item.status == .open)
            #expect(item.claimantID == nil)
            #expect(try await store.read { tx in try tx.detail(itemID: 1)?.events.last?.action } == .reopened)

            // Closed again, and a quote of #1 said 31 days later is too late to reopen
            try await claimAndVerify(client, platform, tag: "p", after: 11)
            try await platform.waitFor(delivered: 16)
            clock.advance(seconds: 31 * 86400)
            try await client.postMessage(
                messageBody(id: "o-3", sender: "u-8", text: "「叶强：龙西小区12栋窨井盖破损 #1」\n----\n还没修好"))
            try await platform.waitFor(delivered: 17)
            #expect(
                await platform.heard(in: "riders-1").last
                    == Heard("#1 办结已超过 30 天，请重新报告（问题和位置），会登记为新事项。", ["u-8"]))
            #expect(try await store.read { tx in try tx.item(id: 1)?.status } == .closed)
        }
    }

    @Test func theSecretarySplitsAWrongJoinIntoAnItemOfItsOwn() async throws {
        let platform = ReplyRecorder()
        try await AroundTheItem.run(platform) { client, store, _ in
            try await reportAndRegister(client, platform)
            try await client.postMessage(
                messageBody(id: "s-1", sender: "u-8", name: "周小蜂", text: "龙西小区12栋北边还有一个井盖破损"))
            try await platform.waitFor(delivered: 4)
            #expect(await platform.heard(in: "riders-1").last == Heard(joinedWords, ["u-8"]))
            // When the secretary splits it on #1's page
            let board = BoardClient(client)
            try await board.login("sec", "pw-secret")
            _ = try await board.get("/board/items/1")
            let done = try await board.follow(try await board.post("/board/items/1/split", [("joined", "1")]))
            #expect(done.html.contains("已拆分为新事项 #2"))
            try await platform.waitFor(delivered: 6)
            // Then its reporter has the new item's receipt and the members hear of new work
            #expect(
                await platform.heard(in: "riders-1").last
                    == Heard(
                        "您的反映与 #1 不是同一件事，已单独登记。\n已收到 #2：井盖｜龙西小区12栋\n已转第一网格（gw-1）处理，请在 \(due) 前办结。\n积分 +1，核实办结后再 +2。",
                        ["u-8", "gw-1"]))
            #expect(
                await platform.heard(in: "members-1").last
                    == Heard("新事项 #2 井盖｜龙西小区12栋（第一网格），\(due) 前办结，回复「认领 #2」接单"))
            let state = try await store.read { tx in
                (
                    try tx.item(id: 2)?.reporterID, try tx.member(platformID: "u-8")?.id,
                    try tx.joinedReports(of: 1).count
                )
            }
            #expect(state.0 == state.1)
            #expect(state.2 == 0)
            // A second click finds nothing to split
            let again = try await board.follow(try await board.post("/board/items/1/split", [("joined", "1")]))
            #expect(again.html.contains("找不到这条合并的报告，或已经拆分。"))
        }
    }
}
