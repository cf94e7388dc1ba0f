import Foundation
import Testing

@testable import BotServer
@testable import TaskBoard

/// Issue 13 item 1, members see new work: a new item or wish is announced in every members' group,
/// never one waiting in review, and "有单吗" lists what is open to claim.
@Suite struct NewWorkTests {
    @Test func aNewReportIsAnnouncedInEveryMembersGroupAndASuggestionIsNot() async throws {
        let platform = ReplyRecorder()
        try await AroundTheItem.run(
            platform, configure: { $0.groups.append(GroupConfig(id: "members-2", role: .members)) }
        ) {
            client, store, _ in
            // Given a rider's report in the riders' group
            try await client.postMessage(messageBody(id: "n-1", sender: "u-7", name: "叶强", text: "龙西小区12栋窨井盖破损"))
            // Then the rider has the receipt and both members' groups the announcement
            try await platform.waitFor(delivered: 3)
            let announcement = Heard("新事项 #1 井盖｜龙西小区12栋（第一网格），\(AroundTheItem.issueDue) 前办结，回复「认领 #1」接单")
            #expect(await platform.heard(in: "members-1") == [announcement])
            #expect(await platform.heard(in: "members-2") == [announcement])
            #expect(await platform.heard(in: "riders-1").map(\.text).first?.hasPrefix("已收到 #1：井盖｜龙西小区12栋") == true)

            // When a suggestion follows, it is the community's to adopt: no announcement
            try await client.postMessage(messageBody(id: "n-2", sender: "u-7", text: "建议在龙西小区东门加装一盏路灯"))
            try await platform.waitFor(delivered: 4)
            try await client.postMessage(messageBody(id: "n-3", group: "members-1", sender: "p-1", text: "有单吗"))
            try await platform.waitFor(delivered: 5)
            #expect(await platform.heard(in: "members-2") == [announcement])
            #expect(try await store.read { tx in try tx.item(id: 2)?.kind } == .suggestion)
        }
    }

    @Test func aMessageWaitingInReviewIsAnnouncedOnlyOnceFiled() async throws {
        let platform = ReplyRecorder()
        try await AroundTheItem.run(platform) { client, store, _ in
            // Given a message the parser is unsure of
            try await client.postMessage(messageBody(id: "v-1", sender: "u-8", name: "周小蜂", text: "世纪花园3栋的那个坏了"))
            try await platform.waitFor(delivered: 1)
            #expect(await platform.heard(in: "riders-1") == [Heard("已收到，社区确认后会登记，谢谢！", ["u-8"])])
            #expect(await platform.heard(in: "members-1").isEmpty)
            // When the secretary files it from the review queue as a report at 龙西小区
            let board = BoardClient(client)
            try await board.login("sec", "pw-secret")
            let review = try #require(try await store.read { tx in try tx.reviews(status: .open, limit: 10).first?.id })
            _ = try await board.get("/board/reviews")
            _ = try await board.post("/board/reviews/\(review)/report", [("category", "garbage"), ("estate", "龙西小区")])
            // Then the receipt answers the sender and the members hear of it
            try await platform.waitFor(delivered: 3)
            #expect(
                await platform.heard(in: "members-1")
                    == [Heard("新事项 #1 垃圾｜龙西小区（第一网格），\(AroundTheItem.issueDue) 前办结，回复「认领 #1」接单")])
        }
    }

    @Test func askingForWorkListsWhatIsOpenToClaimEarliestDueFirst() async throws {
        let platform = ReplyRecorder()
        try await AroundTheItem.run(platform) { client, store, clock in
            // Given three reports an hour apart, the second cancelled and the third merged into the first
            for (n, text) in ["龙西小区12栋窨井盖破损", "龙西小区3栋楼道灯不亮了", "龙西小区8栋井盖又松了"].enumerated() {
                try await client.postMessage(messageBody(id: "w-\(n)", sender: "u-7", name: "叶强", text: text))
                try await platform.waitFor(delivered: 2 * (n + 1))
                clock.advance(seconds: 3600)
            }
            let board = BoardClient(client)
            try await board.login("sec", "pw-secret")
            _ = try await board.get("/board/items/2")
            _ = try await board.post("/board/items/2/cancel", [("note", "已修好")])
            _ = try await board.post("/board/items/3/merge", [("into", "1")])
            // And a fourth report, and a registered member holding it
            try await client.postMessage(messageBody(id: "w-4", sender: "u-7", text: "平东小区3栋楼道堆满纸箱"))
            try await client.postMessage(messageBody(id: "w-5", group: "members-1", sender: "p-1", text: "报到 张三"))
            try await client.postMessage(messageBody(id: "w-6", group: "members-1", sender: "p-1", text: "认领 #4"))
            // (three receipts and announcements, the reporter told of the cancellation and the merge,
            // the fourth receipt and announcement, the registration, the claim and the reporter's news)
            let before = 13
            try await platform.waitFor(delivered: before)
            #expect(try await store.read { tx in try tx.item(id: 4)?.status } == .claimed)

            // When members ask, in each of the ways they do
            for (n, text) in ["有单吗", "待认领", "还有活吗"].enumerated() {
                try await client.postMessage(messageBody(id: "q-\(n)", group: "members-1", sender: "p-1", text: text))
                try await platform.waitFor(delivered: before + n + 1)
            }
            // Then each answer lists the open item (not the cancelled or merged ones) and the asker's own
            let answers = await platform.accepted.suffix(3).map(\.reply.text)
            let expected = """
                张三 的待办（1）
                #4 杂物堆放｜平东小区3栋［已认领］
                待认领（1）：
                #1 井盖｜龙西小区12栋，\(AroundTheItem.issueDue) 前
                回复「认领 #编号」接单。
                """
            #expect(answers == [expected, expected, expected])
        }
    }

    @Test func theListStopsAtTenAndSaysHowManyMore() async throws {
        let platform = ReplyRecorder()
        try await AroundTheItem.run(platform) { client, _, clock in
            for n in 1...11 {
                try await client.postMessage(messageBody(id: "t-\(n)", sender: "u-7", text: "龙西小区\(n)栋窨井盖破损"))
                try await platform.waitFor(delivered: 2 * n)
                clock.advance(seconds: 60)
            }
            try await client.postMessage(messageBody(id: "t-q", group: "members-1", sender: "p-1", text: "有单吗"))
            try await platform.waitFor(delivered: 23)
            let lines = await platform.texts[22].split(separator: "\n").map(String.init)
            #expect(lines.first == "待认领（11），最早到期的 10 件：")
            #expect(lines.count == 12)
            #expect(lines[1].hasPrefix("#1 井盖｜龙西小区1栋，"))
            #expect(lines[10].hasPrefix("#10 井盖｜龙西小区10栋，"))
        }
    }
}
