import Foundation
import Testing

@testable import BotServer
@testable import TaskBoard

/// 采纳 on the board: the same use case as every other action, its button shown only where the
/// rules table allows it, the reporter paid `suggestion_adopted` and told in their group.
@Suite struct AdoptOnTheBoardTests {
    @Test func aSuggestionIsAdoptedAndItsReporterPaidAndTold() async throws {
        let platform = ReplyRecorder()
        let rules = PointRules()
        try await withServer(platform: platform, configure: BoardTests.configure) { client, store in
            try await client.postMessage(messageBody(id: "s0", sender: "u-9", name: "李梅", text: "报到 李梅"))
            try await platform.waitFor(delivered: 1)
            let board = BoardClient(client)
            try await board.login("sec", "pw-secret")
            let reporter = try await store.read { tx in try tx.member(platformID: "u-9")!.id! }
            _ = try await board.get("/board/reviews")
            let filed = try await board.post(
                "/board/items/new",
                [
                    ("member", "\(reporter)"), ("kind", "suggestion"), ("estate", "龙西小区"),
                    ("text", "建议在龙西小区东门加装一盏路灯"), ("notify", "generic/riders-1"),
                ])
            #expect(try await board.follow(filed).html.contains("已代为登记 #1"))
            try await platform.waitFor(delivered: 2)
            let before = try await store.read { tx in try tx.balance(memberID: reporter).total }
            let page = try await board.get("/board/items/1")
            #expect(page.html.contains("id=\"form-adopt\""))
            #expect(!page.html.contains("id=\"form-verify\""))

            let done = try await board.follow(try await board.post("/board/items/1/adopt", [("note", "下月安装")]))
            #expect(done.html.contains("#1 建议已采纳"))
            let item = try await store.read { tx in try tx.item(id: 1) }
            #expect(item?.status == .closed)
            #expect(
                try await store.read { tx in try tx.balance(memberID: reporter).total } == before
                    + rules.suggestionAdopted)
            try await platform.waitFor(delivered: 3)
            let told = await platform.accepted[2]
            #expect(told.reply.groupID == "riders-1")
            #expect(told.reply.text.contains("#1 建议已采纳"))
            #expect(told.reply.mentions == ["u-9"])
            // A closed suggestion offers no more actions, and a second adoption is refused in words.
            #expect(!(try await board.get("/board/items/1")).html.contains("id=\"form-adopt\""))
            let again = try await board.follow(try await board.post("/board/items/1/adopt", []))
            #expect(again.html.contains("不能"))
        }
    }

    @Test func anIssueOffersNoAdoption() async throws {
        let platform = ReplyRecorder()
        try await withServer(platform: platform, configure: BoardTests.configure) { client, _ in
            try await client.postMessage(messageBody(id: "i1", sender: "u-7", name: "叶强", text: "龙西小区12栋窨井盖破损"))
            try await platform.waitFor(delivered: 1)
            let board = BoardClient(client)
            try await board.login("sec", "pw-secret")
            let page = try await board.get("/board/items/1")
            #expect(page.html.contains("id=\"form-escalate\""))
            #expect(!page.html.contains("id=\"form-adopt\""))
        }
    }
}
