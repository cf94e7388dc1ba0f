import Foundation
import HummingbirdTesting
import Testing

@testable import BotServer
@testable import TaskBoard

/// Issue 13 item 6, two boards kept apart as the seeds keep them: 社情民意收集 for the riders'
/// reports and suggestions, 志愿服务参与 for the members' work; adopting, exchanging and donating by
/// chat; the 信用银行's balance; staff paid nothing for their own job; amounts by category.
@Suite struct PointBoardsChatTests {
    /// A rider's report done by a registered member and verified by the secretary: 叶强 3 points on
    /// 社情民意, 张三 5 on 志愿服务.
    static func reportDoneAndVerified(_ chat: Chat) async throws {
        _ = try await chat.say("r-1", "龙西小区12栋窨井盖破损", from: "u-7", "叶强")
        _ = try await chat.say("r-2", "报到 张三", from: "m-1", "张三", in: "members-1")
        _ = try await chat.say("r-3", "认领 #1", from: "m-1", "张三", in: "members-1")
        _ = try await chat.say("r-4", "#1 完成", from: "m-1", "张三", in: "members-1", images: ["http://x.invalid/1.jpg"])
        _ = try await chat.say("r-5", "验收 #1", from: "sec-1", "王书记")
        #expect(try await chat.store.read { tx in try tx.item(id: 1)?.status } == .closed)
    }

    @Test func eachGroupSeesItsOwnBoardUnlessItNamesTheOther() async throws {
        try await Chat.run { chat in
            try await Self.reportDoneAndVerified(chat)
            let reports = "本周社情民意收集积分榜\n1. 叶强 3 分\n信用银行现有 0 分，用于帮扶困难群众。"
            let service = "本周志愿服务参与积分榜\n1. 张三 5 分\n信用银行现有 0 分，用于帮扶困难群众。"
            // The riders' group asks: 社情民意
            #expect(try await chat.say("q-1", "积分榜", from: "u-7") == [Heard(reports, ["u-7"])])
            // The members' group asks: 志愿服务
            #expect(try await chat.say("q-2", "积分榜", from: "m-1", in: "members-1") == [Heard(service, ["m-1"])])
            // Either names the other board explicitly
            #expect(
                try await chat.say("q-3", "社情民意积分榜", from: "m-1", in: "members-1") == [Heard(reports, ["m-1"])])
            #expect(try await chat.say("q-4", "志愿服务积分榜", from: "u-7") == [Heard(service, ["u-7"])])
            // "我的积分" shows both boards and what can be spent
            #expect(
                try await chat.say("q-5", "我的积分", from: "u-7")
                    == [Heard("叶强 的积分\n· 社情民意收集 3 分\n· 志愿服务参与 0 分\n可用余额 3 分", ["u-7"])])
            #expect(
                try await chat.say("q-6", "我的积分", from: "m-1", in: "members-1")
                    == [Heard("张三 的积分\n· 社情民意收集 0 分\n· 志愿服务参与 5 分\n可用余额 5 分", ["m-1"])])
        }
    }

    @Test func theWeeksChampionsAreNamedPerBoardWithWhatTheyDid() async throws {
        let clock = ManualClock()
        let platform = ReplyRecorder()
        let store = try BoardStore.inMemory(clock: clock.now)
        try await SchedulerTests.withCalendar(platform, store: store, jobs: [.weeklyReport]) { client, scheduler in
            #expect(try await scheduler.runDue()[.weeklyReport] == 0)
            let chat = Chat(client: client, platform: platform, store: store)
            // Given 叶强's report done by 张三, one more report and a suggestion
            try await Self.reportDoneAndVerified(chat)
            _ = try await chat.say("r-6", "龙西小区3栋楼道灯不亮了", from: "u-7", "叶强")
            _ = try await chat.say("r-7", "建议在龙西小区东门加装一盏路灯", from: "u-7", "叶强")
            // When the next Monday's report runs
            clock.advance(seconds: (7 * 24 + 1) * SchedulerTests.hour)
            let sent = try await SchedulerTests.replies(of: scheduler, platform)
            // Then the report names each board's champion with what they did
            let report = try #require(sent.first { $0.reply.text.hasPrefix("每周研判") }).reply.text
            #expect(report.contains("社情民意积分冠军：叶强（2 条问题 + 1 条建议）\n"))
            #expect(report.contains("志愿服务积分冠军：张三（1 项志愿服务）"))
            // And each is thanked in their own group
            let thanks = sent.filter { $0.reply.text.hasPrefix("上周") }.map {
                [$0.reply.groupID, $0.reply.text]
            }
            #expect(
                Set(thanks) == [
                    ["riders-1", "上周社情民意积分冠军：叶强（2 条问题 + 1 条建议）。感谢您为社区的付出！"],
                    ["members-1", "上周志愿服务积分冠军：张三（1 项志愿服务）。感谢您为社区的付出！"],
                ])
        }
    }

    @Test func staffDoingTheirOwnJobEarnNoVolunteerPointsUnlessConfigured() async throws {
        for staffEarn in [false, true] {
            try await Chat.run(configure: { $0.points.staffEarn = staffEarn }) { chat in
                // Given the grid worker of 龙西小区's grid claims a report there and submits it
                _ = try await chat.say("s-1", "龙西小区12栋窨井盖破损", from: "u-7", "叶强")
                _ = try await chat.say("s-2", "认领 #1", from: "gw-1", "刘芳", in: "members-1")
                let gridWorker = try #require(try await chat.store.read { tx in try tx.member(platformID: "gw-1")?.id })
                // (the chat reads the staff's "完成" as a verification, so the work is submitted on the store)
                _ = try await chat.store.write { tx in
                    try tx.submit(itemID: 1, by: gridWorker, note: nil, photoURLs: [])
                }
                // When the secretary verifies it
                let heard = try await chat.say("s-3", "验收 #1", from: "sec-1", "王书记")
                // Then only the reporter is paid, unless staff_earn is on
                let lines = staffEarn ? "叶强 +2（社情民意收集）\n刘芳 +5（志愿服务参与）" : "叶强 +2（社情民意收集）"
                #expect(heard.first?.text == "#1 验收通过，已办结 ✅\n" + lines)
                let service = try await chat.store.read { tx in try tx.balance(memberID: gridWorker).byBoard[.service] }
                #expect(service == (staffEarn ? 5 : 0))
            }
        }
    }

    @Test func aCategoryPaysItsOwnAmount() async throws {
        try await Chat.run(configure: { $0.points.byCategory = ["manhole": CategoryPoints(reportAccepted: 3)] }) {
            chat in
            let manhole = try await chat.say("c-1", "龙西小区12栋窨井盖破损", from: "u-7", "叶强")
            #expect(manhole.first?.text.contains("积分 +3，核实办结后再 +2。") == true)
            let light = try await chat.say("c-2", "龙西小区3栋楼道灯不亮了", from: "u-7", "叶强")
            #expect(light.first?.text.contains("积分 +1，核实办结后再 +2。") == true)
            let riderID = try #require(try await chat.store.read { tx in try tx.member(platformID: "u-7")?.id })
            #expect(try await chat.store.read { tx in try tx.balance(memberID: riderID).total } == 4)
        }
    }

    @Test func theSecretaryAdoptsASuggestionByChatAndOthersAreRefused() async throws {
        try await Chat.run { chat in
            _ = try await chat.say("a-1", "建议在龙西小区东门加装一盏路灯", from: "u-7", "叶强")
            _ = try await chat.say("a-2", "报到 张三", from: "m-1", "张三", in: "members-1")
            // A member may not adopt
            #expect(
                try await chat.say("a-3", "采纳 #1", from: "m-1", in: "members-1")
                    == [Heard("在职党员不能采纳建议。", ["m-1"])])
            // The secretary without a number is asked for one
            #expect(try await chat.say("a-4", "采纳", from: "sec-1") == [Heard("请带上编号，例如「采纳 #15」。", ["sec-1"])])
            // The secretary adopts: closed, +2 to its author on 社情民意
            let adopted = try await chat.say("a-5", "采纳 #1", from: "sec-1", "王书记")
            #expect(adopted.first == Heard("#1 建议已采纳 ✅ 感谢您为社区出主意！\n叶强 +2（社情民意收集）", ["u-7"]))
            let item = try await chat.store.read { tx in try tx.item(id: 1) }
            #expect(item?.status == .closed)
            let riderID = try #require(try await chat.store.read { tx in try tx.member(platformID: "u-7")?.id })
            let ledger = try await chat.store.read { tx in try tx.ledger(memberID: riderID, limit: 5) }
            #expect(ledger.map(\.reason) == [.suggestionAdopted, .reportAccepted])
            #expect(ledger.first?.board == .reports && ledger.first?.delta == 2)
        }
    }

    @Test func theSecretaryBooksAnExchangeAtTheCatalogsPrice() async throws {
        try await Chat.run(configure: {
            $0.board.exchangeCatalog = [CatalogEntry(name: "洗衣液一瓶", cost: 1), CatalogEntry(name: "大米 5 公斤", cost: 30)]
        }) { chat in
            _ = try await chat.say("e-1", "龙西小区12栋窨井盖破损", from: "u-7", "叶强")
            _ = try await chat.say("e-2", "报到 张三", from: "m-1", "张三", in: "members-1")
            // Only the secretary books exchanges
            #expect(
                try await chat.say("e-3", "兑换 @叶强 洗衣液", from: "m-1", in: "members-1")
                    == [Heard("在职党员不能兑换。", ["m-1"])])
            // Unknown goods: the catalog
            #expect(
                try await chat.say("e-4", "兑换 @叶强 牙膏", from: "sec-1")
                    == [
                        Heard(
                            "兑换目录里没有「牙膏」。可兑换：\n· 洗衣液一瓶 1 分\n· 大米 5 公斤 30 分\n请回复「兑换 @姓名 物品」登记。",
                            ["sec-1"])
                    ])
            // Unknown member
            #expect(
                try await chat.say("e-5", "兑换 @李四 洗衣液", from: "sec-1")
                    == [Heard("找不到成员「李四」，请核对姓名。", ["sec-1"])])
            // More than the balance
            #expect(
                try await chat.say("e-6", "兑换 @叶强 大米", from: "sec-1")
                    == [Heard("积分不足：余额 1 分，需要 30 分。", ["sec-1"])])
            // Booked at the catalog's price, the member named
            #expect(
                try await chat.say("e-7", "兑换 @叶强 洗衣液", from: "sec-1")
                    == [Heard("已为 叶强 兑换「洗衣液一瓶」，扣 1 分。", ["sec-1", "u-7"])])
            let riderID = try #require(try await chat.store.read { tx in try tx.member(platformID: "u-7")?.id })
            let entry = try await chat.store.read { tx in try tx.ledger(memberID: riderID, limit: 1).first }
            #expect(entry?.board == .exchange && entry?.delta == -1 && entry?.note == "洗衣液一瓶")
            #expect(try await chat.store.read { tx in try tx.balance(memberID: riderID).total } == 0)
        }
    }

    @Test func anyoneDonatesToTheCreditBankWithinTheirBalanceAndTheBoardShowsThePool() async throws {
        try await Chat.run { chat in
            _ = try await chat.say("d-1", "龙西小区12栋窨井盖破损", from: "u-7", "叶强")
            // More than the balance is refused, nothing booked
            #expect(try await chat.say("d-2", "捐赠 5", from: "u-7") == [Heard("积分不足：余额 1 分，需要 5 分。", ["u-7"])])
            #expect(try await chat.store.read { tx in try tx.creditBankBalance() } == 0)
            // Within it, the pool grows
            #expect(
                try await chat.say("d-3", "捐赠 1 分", from: "u-7")
                    == [Heard("感谢 叶强 向信用银行捐赠 1 分！信用银行现有 1 分，由社区统筹帮扶空巢老人、留守儿童等。", ["u-7"])])
            // The pool on the leaderboard and the donation in 我的积分
            #expect(try await chat.say("d-4", "积分榜", from: "u-7").first?.text.hasSuffix("信用银行现有 1 分，用于帮扶困难群众。") == true)
            #expect(
                try await chat.say("d-5", "我的积分", from: "u-7")
                    == [Heard("叶强 的积分\n· 社情民意收集 1 分\n· 志愿服务参与 0 分\n· 已捐赠 1 分\n可用余额 0 分", ["u-7"])])
            // And on the board's overview
            let board = BoardClient(chat.client)
            try await board.login("sec", "pw-secret")
            let page = try await board.get("/board")
            #expect(page.html.contains(#"id="stat-credit-bank"><div class="n">1</div>"#))
        }
    }
}

/// `points.staff_earn` and `points.by_category` in a configuration file.
@Suite struct PointRulesConfigTests {
    @Test func staffEarnAndAmountsByCategoryAreReadAndATypoNamesItsKey() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/points.yaml"
        try """
        points:
          staff_earn: true
          by_category: { manhole: 3, streetlight: { task_verified: 8 } }
        """.write(toFile: path, atomically: true, encoding: .utf8)
        let config = try AppConfig.load(path: path, environment: [:])
        #expect(config.points.staffEarn)
        #expect(
            config.points.byCategory == [
                "manhole": CategoryPoints(reportAccepted: 3), "streetlight": CategoryPoints(taskVerified: 8),
            ])
        #expect(config.points.reportAccepted(for: "manhole") == 3)
        #expect(config.points.reportAccepted(for: "garbage") == 1)
        #expect(config.points.taskVerified(for: "streetlight") == 8)
        // The defaults keep today's amounts and pay staff nothing
        #expect(!AppConfig().points.staffEarn && AppConfig().points.byCategory.isEmpty)
        // A category the parser does not know is named
        try "points: { by_category: { manhol: 3 } }".write(toFile: path, atomically: true, encoding: .utf8)
        #expect {
            _ = try AppConfig.load(path: path, environment: [:])
        } throws: { error in
            "\(error)".contains("points.by_category.manhol")
        }
    }
}

/// One conversation on a test server: each message in, and every reply it caused once delivered.
struct Chat: Sendable {
    let client: any TestClientProtocol
    let platform: ReplyRecorder
    let store: BoardStore

    /// A server whose store follows the configuration's point rules, with the board's test users.
    static func run(
        configure: @escaping @Sendable (inout AppConfig) -> Void = { _ in },
        _ body: @Sendable @escaping (Chat) async throws -> Void
    ) async throws {
        let platform = ReplyRecorder()
        var config = AppConfig()
        configure(&config)
        let store = try BoardStore.inMemory(rules: config.points, clock: ManualClock().now)
        try await withServer(
            platform: platform, store: store,
            configure: { config, _ in
                config.board.users = boardTestUsers()
                configure(&config)
            }
        ) { client, store in try await body(Chat(client: client, platform: platform, store: store)) }
    }

    /// Posts one message and returns what every group heard because of it.
    func say(
        _ id: String, _ text: String, from sender: String, _ name: String? = nil, in group: String = "riders-1",
        images: [String] = []
    ) async throws -> [Heard] {
        let before = await platform.received.count
        try await client.postMessage(
            messageBody(id: id, group: group, sender: sender, name: name, text: text, images: images))
        let (store, platform) = (store, platform)
        let settled = try await eventually {
            let (waiting, sent) = try await store.read { tx in
                (
                    try tx.queue.inboxCount(state: .pending) + tx.queue.outboxCount(status: .pending),
                    try tx.queue.outboxCount(status: .sent)
                )
            }
            let delivered = await platform.received.count
            return waiting == 0 && delivered == sent
        }
        #expect(settled, "\(text)")
        return Array(await platform.received.dropFirst(before)).map {
            Heard(text: $0.reply.text, mentions: $0.reply.mentions)
        }
    }
}
