import Foundation
import Testing

@testable import BotServer
@testable import TaskBoard

/// Issue 13 item 5, 报到 first: a party member who has not registered is asked to, and nothing
/// changes; with `registration.approval` the secretary's confirmation on the board comes first too.
@Suite struct RegistrationFirstTests {
    @Test func anUnregisteredMemberIsAskedToRegisterAndNothingChanges() async throws {
        let platform = ReplyRecorder()
        try await AroundTheItem.run(platform) { client, store, _ in
            try await client.postMessage(messageBody(id: "g-1", sender: "u-7", name: "叶强", text: "龙西小区12栋窨井盖破损"))
            try await platform.waitFor(delivered: 2)
            try await client.postMessage(
                messageBody(id: "g-2", group: "members-1", sender: "p-1", name: "Zhang", text: "认领 #1"))
            try await platform.waitFor(delivered: 3)
            #expect(await platform.heard(in: "members-1").last == Heard("请先回复「报到 姓名」，在职党员到社区报到后即可认领。", ["p-1"]))
            #expect(try await store.read { tx in try tx.item(id: 1)?.status } == .open)
            #expect(await platform.heard(in: "riders-1").count == 1)

            try await client.postMessage(messageBody(id: "g-3", group: "members-1", sender: "p-1", text: "报到 张三"))
            try await client.postMessage(messageBody(id: "g-4", group: "members-1", sender: "p-1", text: "认领 #1"))
            try await platform.waitFor(delivered: 6)
            #expect(
                await platform.heard(in: "members-1").suffix(2).map(\.text) == [
                    "张三 报到成功，身份：在职党员。回复「帮助」查看用法。",
                    "#1 已由 张三 认领（井盖｜龙西小区12栋），请在 \(AroundTheItem.issueDue) 前完成。\n完成后回复「#1 完成」并附照片。",
                ])
            #expect(try await store.read { tx in try tx.item(id: 1)?.status } == .claimed)
        }
    }

    @Test func withApprovalTheSecretaryConfirmsOnTheBoardFirst() async throws {
        let platform = ReplyRecorder()
        try await AroundTheItem.run(platform, configure: { $0.registration.approval = true }) { client, store, _ in
            try await client.postMessage(messageBody(id: "h-1", sender: "u-7", name: "叶强", text: "龙西小区12栋窨井盖破损"))
            try await client.postMessage(messageBody(id: "h-2", group: "members-1", sender: "p-1", text: "报到 张三"))
            try await client.postMessage(messageBody(id: "h-3", group: "members-1", sender: "p-1", text: "认领 #1"))
            try await platform.waitFor(delivered: 4)
            #expect(
                await platform.heard(in: "members-1").suffix(2) == [
                    Heard("张三 报到成功，身份：在职党员。待社区书记确认后即可认领。回复「帮助」查看用法。", ["p-1"]),
                    Heard("您的报到还在等社区书记确认，确认后即可认领。", ["p-1"]),
                ])
            #expect(try await store.read { tx in try tx.item(id: 1)?.status } == .open)

            // When the secretary confirms on the board, the member is told and may claim
            let member = try #require(try await store.read { tx in try tx.member(platformID: "p-1")?.id })
            let board = BoardClient(client)
            try await board.login("sec", "pw-secret")
            _ = try await board.get("/board/members")
            _ = try await board.post("/board/members/\(member)/approve", [])
            try await platform.waitFor(delivered: 5)
            #expect(await platform.heard(in: "members-1").last == Heard("张三 的报到已确认，可以认领了。", ["p-1"]))
            try await client.postMessage(messageBody(id: "h-4", group: "members-1", sender: "p-1", text: "认领 #1"))
            try await platform.waitFor(delivered: 7)
            #expect(try await store.read { tx in try tx.item(id: 1)?.status } == .claimed)
        }
    }

    @Test func withoutTheRuleAnyMemberClaims() async throws {
        let platform = ReplyRecorder()
        try await AroundTheItem.run(platform, configure: { $0.registration.required = false }) { client, store, _ in
            try await client.postMessage(messageBody(id: "k-1", sender: "u-7", name: "叶强", text: "龙西小区12栋窨井盖破损"))
            try await client.postMessage(
                messageBody(id: "k-2", group: "members-1", sender: "p-1", name: "张三", text: "认领 #1"))
            try await platform.waitFor(delivered: 4)
            #expect(try await store.read { tx in try tx.item(id: 1)?.status } == .claimed)
        }
    }
}
