import Foundation
import Testing

@testable import BotServer
@testable import TaskBoard

/// Issue 13 item 2, the reporter hears back: each step of their report is told in the group they
/// reported in, whoever acts and wherever, once; and they may ask about it without its number.
@Suite struct ReporterNewsTests {
    private let due = AroundTheItem.issueDue

    @Test func theReporterHearsEachStepInTheirGroupWhenMembersActElsewhere() async throws {
        let platform = ReplyRecorder()
        try await AroundTheItem.run(platform) { client, store, _ in
            try await client.postMessage(messageBody(id: "s-1", sender: "u-7", name: "叶强", text: "龙西小区12栋窨井盖破损"))
            try await client.postMessage(messageBody(id: "s-2", group: "members-1", sender: "p-1", text: "报到 张三"))
            // Claimed in the members' group
            try await client.postMessage(messageBody(id: "s-3", group: "members-1", sender: "p-1", text: "认领 #1"))
            try await platform.waitFor(delivered: 5)
            try await client.postMessage(
                messageBody(
                    id: "s-4", group: "members-1", sender: "p-1", text: "#1 完成", images: ["http://x.invalid/1.jpg"]))
            try await platform.waitFor(delivered: 6)
            // Returned, then verified, by the secretary in the members' group
            try await client.postMessage(
                messageBody(id: "s-5", group: "members-1", sender: "sec-1", text: "退回 #1 照片看不清"))
            try await platform.waitFor(delivered: 8)
            try await client.postMessage(
                messageBody(
                    id: "s-6", group: "members-1", sender: "p-1", text: "#1 完成", images: ["http://x.invalid/2.jpg"]))
            try await platform.waitFor(delivered: 9)
            try await client.postMessage(messageBody(id: "s-7", group: "members-1", sender: "sec-1", text: "验收 #1"))
            try await platform.waitFor(delivered: 11)

            let riders = await platform.heard(in: "riders-1")
            #expect(riders.count == 4)
            #expect(
                Array(riders.dropFirst()) == [
                    Heard("您反映的 #1 井盖｜龙西小区12栋 已由 张三 认领，\(due) 前办结，办结后会告诉您。", ["u-7"]),
                    Heard("您反映的 #1 验收未通过（照片看不清），已退回重新处理，办结后会告诉您。", ["u-7"]),
                    Heard("#1 已办结 ✅ 感谢反映，+2", ["u-7"]),
                ])
            // The members' group heard each step once, the verification naming both people paid
            let members = await platform.heard(in: "members-1")
            #expect(members.count == 7)
            #expect(members.last?.mentions == ["u-7", "p-1"])
            #expect(try await store.read { tx in try tx.item(id: 1)?.status } == .closed)
        }
    }

    @Test func escalationCancellationAndMergeFromTheBoardReachTheReporter() async throws {
        let platform = ReplyRecorder()
        try await AroundTheItem.run(platform) { client, store, _ in
            for (n, text) in ["龙西小区12栋窨井盖破损", "龙西小区3栋楼道灯不亮了", "龙西小区8栋井盖又松了"].enumerated() {
                try await client.postMessage(messageBody(id: "b-\(n)", sender: "u-7", name: "叶强", text: text))
            }
            try await platform.waitFor(delivered: 6)
            // The secretary escalates #1 by chat from the members' group
            try await client.postMessage(messageBody(id: "b-4", group: "members-1", sender: "sec-1", text: "上报 #1 街道"))
            try await platform.waitFor(delivered: 8)
            // … and on the board cancels #2, merges #3 into #1 and strikes #1 off once the street solved it
            let board = BoardClient(client)
            try await board.login("sec", "pw-secret")
            _ = try await board.get("/board/items/1")
            _ = try await board.post("/board/items/2/cancel", [("note", "已修好")])
            _ = try await board.post("/board/items/3/merge", [("into", "1")])
            _ = try await board.post("/board/items/1/resolve", [("note", "街道已更换井盖")])
            try await platform.waitFor(delivered: 11)

            let news = Array(await platform.heard(in: "riders-1").suffix(4))
            #expect(
                news == [
                    Heard("#1 已上报至街道（吹哨·街道级），答复时限 1月8日 08:00，跟踪办理中。", ["u-7"]),
                    Heard("#2 已取消：已修好。", ["u-7"]),
                    Heard("#3 与 #1 是同一件事，已合并到 #1 跟进，办结后会通知您。", ["u-7"]),
                    Heard("#1 已办结 ✅ 感谢反映，+2", ["u-7"]),
                ])
            #expect(try await store.read { tx in try tx.item(id: 1)?.status } == .closed)
        }
    }

    @Test func theReporterOfAMergedDuplicateHearsWhenTheOriginalCloses() async throws {
        let platform = ReplyRecorder()
        try await AroundTheItem.run(platform) { client, store, _ in
            try await client.postMessage(messageBody(id: "d-1", sender: "u-7", name: "叶强", text: "龙西小区12栋窨井盖破损"))
            try await client.postMessage(messageBody(id: "d-2", sender: "u-8", name: "周小蜂", text: "龙西小区8栋井盖又松了"))
            try await client.postMessage(messageBody(id: "d-3", group: "members-1", sender: "p-1", text: "报到 张三"))
            try await platform.waitFor(delivered: 5)
            let board = BoardClient(client)
            try await board.login("sec", "pw-secret")
            _ = try await board.get("/board/items/2")
            _ = try await board.post("/board/items/2/merge", [("into", "1")])
            try await platform.waitFor(delivered: 6)
            try await client.postMessage(messageBody(id: "d-4", group: "members-1", sender: "p-1", text: "认领 #1"))
            try await client.postMessage(
                messageBody(
                    id: "d-5", group: "members-1", sender: "p-1", text: "#1 完成", images: ["http://x.invalid/1.jpg"]))
            try await platform.waitFor(delivered: 9)
            try await client.postMessage(messageBody(id: "d-6", group: "members-1", sender: "sec-1", text: "验收 #1"))
            try await platform.waitFor(delivered: 12)

            let riders = await platform.heard(in: "riders-1")
            #expect(
                riders.filter { $0.mentions == ["u-8"] }.map(\.text) == [
                    "#2 与 #1 是同一件事，已合并到 #1 跟进，办结后会通知您。",
                    "您反映的 #2（并入 #1）已办结 ✅ 感谢反映",
                ])
            #expect(riders.filter { $0.mentions == ["u-7"] }.last == Heard("#1 已办结 ✅ 感谢反映，+2", ["u-7"]))
            #expect(try await store.read { tx in try tx.item(id: 2)?.status } == .merged)
        }
    }

    @Test func anActorInTheReportersGroupAnswersOnceWithTheReporterMentioned() async throws {
        let platform = ReplyRecorder()
        try await AroundTheItem.run(platform) { client, _, _ in
            try await client.postMessage(messageBody(id: "o-1", sender: "u-7", name: "叶强", text: "龙西小区12栋窨井盖破损"))
            try await client.postMessage(messageBody(id: "o-2", group: "members-1", sender: "p-1", text: "报到 张三"))
            try await client.postMessage(messageBody(id: "o-3", group: "members-1", sender: "p-1", text: "认领 #1"))
            try await client.postMessage(
                messageBody(
                    id: "o-4", group: "members-1", sender: "p-1", text: "#1 完成", images: ["http://x.invalid/1.jpg"]))
            try await platform.waitFor(delivered: 6)
            // When the secretary verifies in the riders' group, where the reporter is
            try await client.postMessage(messageBody(id: "o-5", sender: "sec-1", text: "验收 #1"))
            try await platform.waitFor(delivered: 8)
            try await client.postMessage(messageBody(id: "o-6", sender: "u-7", text: "我的积分"))
            try await platform.waitFor(delivered: 9)
            // Then the riders' group hears one message naming everyone paid, the claimant's group the same words
            let riders = await platform.heard(in: "riders-1")
            #expect(riders.count == 4)
            let verified = riders[2]
            #expect(verified.text.hasPrefix("#1 验收通过，已办结 ✅"))
            #expect(verified.mentions == ["u-7", "p-1"])
            #expect(await platform.heard(in: "members-1").last == Heard(verified.text, ["u-7", "p-1"]))
        }
    }

    @Test func theStatusOfMyLatestReportWithoutItsNumber() async throws {
        let platform = ReplyRecorder()
        try await AroundTheItem.run(platform) { client, _, clock in
            try await client.postMessage(messageBody(id: "l-1", sender: "u-7", name: "叶强", text: "龙西小区12栋窨井盖破损"))
            try await platform.waitFor(delivered: 2)
            clock.advance(seconds: 3600)
            try await client.postMessage(messageBody(id: "l-2", sender: "u-7", text: "龙西小区3栋楼道灯不亮了"))
            try await client.postMessage(messageBody(id: "l-3", group: "members-1", sender: "p-1", text: "报到 张三"))
            try await client.postMessage(messageBody(id: "l-4", group: "members-1", sender: "p-1", text: "认领 #1"))
            try await platform.waitFor(delivered: 7)
            clock.advance(seconds: 7 * 86400)
            try await client.postMessage(messageBody(id: "l-5", sender: "u-7", text: "我上周报的井盖修了没"))
            try await platform.waitFor(delivered: 8)
            #expect(
                await platform.heard(in: "riders-1").last
                    == Heard("您 1月5日 08:00 反映的 #1 井盖｜龙西小区12栋\n状态：已认领，认领人 张三", ["u-7"]))
            // Someone who reported no such thing is asked for the number
            try await client.postMessage(messageBody(id: "l-6", sender: "u-8", text: "我上周报的井盖修了没"))
            try await platform.waitFor(delivered: 9)
            #expect(
                await platform.heard(in: "riders-1").last
                    == Heard("没有找到您反映过的井盖，请带上编号，例如「查 #12」。", ["u-8"]))
        }
    }
}
