import Foundation
import HummingbirdTesting
import Testing

@testable import BotServer
@testable import TaskBoard

/// Issue 13 behaviour 7 and issue 14 job 3: a wish goes 点单 → 派单 → 接单 → 晒单 — received, approved
/// on the board, only then announced and claimable, fulfilled and shown — and the approved, unclaimed
/// wishes are published every Monday and on the secretary's "发布心愿", the beneficiary always anonymised.
@Suite struct WishJourneyTests {
    /// 张桂英奶奶's wish, with her room and phone number, from a rider in the riders' group.
    static let wishText = "龙西小区3栋502室的张桂英奶奶想请人帮忙换个灯泡，电话13812345678"
    /// The wish as every group reads it.
    static let shown = "龙西小区3栋***的张奶奶想请人帮忙换个灯泡，电话***"
    /// 168 hours after the approval at 08:00 on Monday 5 January.
    static let wishDue = "1月12日 08:00"

    static func postWish(_ client: some TestClientProtocol, id: String = "w-1", text: String = wishText) async throws {
        try await client.postMessage(messageBody(id: id, sender: "u-7", name: "叶强", text: text))
    }

    static func register(_ client: some TestClientProtocol, _ platform: ReplyRecorder, delivered: Int) async throws {
        try await client.postMessage(
            messageBody(id: "reg-1", group: "members-1", sender: "p-1", name: "张三", text: "报到 张三"))
        try await platform.waitFor(delivered: delivered)
    }

    /// The secretary's click on the item page's approve button.
    static func approve(_ item: Int, on board: BoardClient) async throws {
        let page = try await board.get("/board/items/\(item)")
        #expect(page.html.contains("action-approve-wish"))
        let done = try await board.follow(try await board.post("/board/items/\(item)/approve-wish", []))
        #expect(done.html.contains("#\(item) 心愿已审核，已发布到党员群。"))
    }

    @Test func aWishIsReceivedThenClaimableOnlyOnceTheSecretaryApprovesIt() async throws {
        let platform = ReplyRecorder()
        try await AroundTheItem.run(platform) { client, store, _ in
            // 点单: a wish from the riders' group is received; members hear nothing yet.
            try await Self.postWish(client)
            try await platform.waitFor(delivered: 1)
            #expect(
                await platform.heard(in: "riders-1")
                    == [Heard("已收到您的心愿 #1，社区会尽快安排\n张奶奶｜龙西小区3栋：\(Self.shown)", ["u-7"])])
            let held = try #require(try await store.read { tx in try tx.item(id: 1) })
            #expect(held.kind == .wish && held.awaitsApproval && held.text == Self.wishText)

            // A claim before approval is refused, and nothing changes.
            try await Self.register(client, platform, delivered: 2)
            try await client.postMessage(messageBody(id: "c-1", group: "members-1", sender: "p-1", text: "认领 #1"))
            try await platform.waitFor(delivered: 3)
            #expect(
                await platform.heard(in: "members-1").last == Heard("#1 心愿还在等社区审核，发布后才能认领", ["p-1"]))
            #expect(try await store.read { tx in try tx.item(id: 1)?.status } == .open)
            // … and "有单吗" does not offer it.
            try await client.postMessage(messageBody(id: "q-1", group: "members-1", sender: "p-1", text: "有单吗"))
            try await platform.waitFor(delivered: 4)
            #expect(await platform.heard(in: "members-1").last?.text.contains("#1") == false)

            // 派单: one click on the board publishes it: the members' group hears of it, the reporter too.
            let board = BoardClient(client)
            try await board.login("sec", "pw-secret")
            let page = try await board.get("/board/items/1")
            #expect(page.html.contains("action-approve-wish"))
            #expect(page.html.contains("13812345678"), "the board, behind its login, shows the whole wish")
            #expect(try await board.get("/board/items").html.contains("待审核发布"))
            let done = try await board.follow(try await board.post("/board/items/1/approve-wish", []))
            #expect(done.html.contains("#1 心愿已审核，已发布到党员群。"))
            try await platform.waitFor(delivered: 6)
            #expect(
                await platform.heard(in: "members-1").last
                    == Heard("新微心愿 #1 张奶奶｜龙西小区3栋，\(Self.wishDue) 前完成，回复「认领 #1」接单\n\(Self.shown)"))
            #expect(
                await platform.heard(in: "riders-1").last == Heard("您的心愿 #1 已由社区审核发布，等待在职党员认领", ["u-7"]))
            #expect(!(try await board.get("/board/items/1")).html.contains("action-approve-wish"))

            // 接单: now the claim goes through.
            try await client.postMessage(messageBody(id: "c-2", group: "members-1", sender: "p-1", text: "认领 #1"))
            try await platform.waitFor(delivered: 8)
            #expect(await platform.heard(in: "members-1").last?.text.hasPrefix("#1 已由 张三 认领（微心愿｜龙西小区3栋）") == true)
            #expect(try await store.read { tx in try tx.item(id: 1)?.status } == .claimed)
            // No group ever heard the phone number, the room or the full name.
            for text in await platform.texts {
                #expect(!text.contains("13812345678") && !text.contains("502") && !text.contains("张桂英"), "\(text)")
            }
        }
    }

    @Test func withoutApprovalAWishIsAnnouncedAtOnce() async throws {
        let platform = ReplyRecorder()
        try await AroundTheItem.run(platform, configure: { $0.wishes.approval = false }) { client, store, _ in
            try await Self.postWish(client, text: "独居老人想要一台收音机，住龙西小区3栋")
            try await platform.waitFor(delivered: 2)
            #expect(
                await platform.heard(in: "riders-1")
                    == [
                        Heard(
                            "已收到您的心愿 #1，社区会尽快安排\n居民｜龙西小区3栋：独居老人想要一台收音机，住龙西小区3栋\n在职党员回复「认领 #1」即可接单。",
                            ["u-7"])
                    ])
            #expect(
                await platform.heard(in: "members-1")
                    == [Heard("新微心愿 #1 居民｜龙西小区3栋，\(Self.wishDue) 前完成，回复「认领 #1」接单\n独居老人想要一台收音机，住龙西小区3栋")])
            #expect(try await store.read { tx in try tx.item(id: 1)?.isApproved } == true)
        }
    }

    @Test func aVerifiedWishIsShownInTheMembersGroupWithItsAfterPhoto() async throws {
        let platform = ReplyRecorder()
        try await AroundTheItem.run(platform) { client, store, _ in
            try await Self.postWish(client)
            try await Self.register(client, platform, delivered: 2)
            let board = BoardClient(client)
            try await board.login("sec", "pw-secret")
            try await Self.approve(1, on: board)
            try await platform.waitFor(delivered: 4)
            try await client.postMessage(messageBody(id: "c-1", group: "members-1", sender: "p-1", text: "认领 #1"))
            try await platform.waitFor(delivered: 5)
            try await client.postMessage(
                messageBody(
                    id: "d-1", group: "members-1", sender: "p-1", text: "#1 完成",
                    images: ["http://photos.invalid/after.jpg"]))
            try await platform.waitFor(delivered: 6)

            // 晒单: the secretary verifies by chat in the riders' group; the members' group sees it fulfilled.
            try await client.postMessage(messageBody(id: "v-1", sender: "sec-1", name: "王书记", text: "验收 #1"))
            #expect(try await eventually { await platform.texts.contains { $0.hasPrefix("#1 心愿已圆梦") } })
            #expect(
                try await eventually { try await store.read { tx in try tx.queue.outboxCount(status: .pending) } == 0 })
            let showcase = try #require(
                await platform.received.first { $0.reply.text.hasPrefix("#1 心愿已圆梦") })
            #expect(showcase.reply.text == "#1 心愿已圆梦 ✅ 张三\n张奶奶：\(Self.shown)")
            #expect(showcase.reply.groupID == "members-1")
            #expect(showcase.json["image_url"]?.string == "http://photos.invalid/after.jpg")
            // The claimant still hears the verification and its points where they spoke.
            #expect(
                await platform.heard(in: "members-1").contains {
                    $0.text.hasPrefix("#1 验收通过，已办结 ✅") && $0.mentions.contains("p-1")
                })
            // Only 晒单 carries a photo.
            #expect(await platform.received.filter { $0.json["image_url"] != nil }.count == 1)
        }
    }

    @Test func theSecretaryPublishesTheWishesOnDemandAndOthersMayNot() async throws {
        let platform = ReplyRecorder()
        try await AroundTheItem.run(platform) { client, _, _ in
            // Nothing approved yet: the secretary hears so, with what waits for approval.
            try await Self.postWish(client)
            try await Self.postWish(client, id: "w-2", text: "龙西小区5栋的李阿姨想学用智能手机")
            try await platform.waitFor(delivered: 2)
            try await client.postMessage(messageBody(id: "p-0", sender: "sec-1", name: "王书记", text: "发布心愿"))
            try await platform.waitFor(delivered: 3)
            #expect(
                await platform.heard(in: "riders-1").last
                    == Heard("目前没有待认领的微心愿\n还有 2 个心愿等待审核发布，请在工作台处理", ["sec-1"]))

            let board = BoardClient(client)
            try await board.login("sec", "pw-secret")
            try await Self.approve(1, on: board)
            try await Self.approve(2, on: board)
            try await platform.waitFor(delivered: 7)

            // A member may not publish.
            try await client.postMessage(messageBody(id: "p-1", group: "members-1", sender: "p-9", text: "发布心愿"))
            try await platform.waitFor(delivered: 8)
            #expect(await platform.heard(in: "members-1").last?.mentions == ["p-9"])
            #expect(await platform.heard(in: "members-1").last?.text.contains("不能发布心愿") == true)

            // The secretary's "发布心愿": one message with both wishes in the members' group.
            try await client.postMessage(messageBody(id: "p-2", sender: "sec-1", name: "王书记", text: "发布心愿"))
            try await platform.waitFor(delivered: 10)
            #expect(
                await platform.heard(in: "riders-1").last == Heard("微心愿已发布：2 个待认领，已发到党员群", ["sec-1"]))
            #expect(
                await platform.heard(in: "members-1").last
                    == Heard(
                        "本周微心愿 2 个待认领\n#1 张奶奶｜龙西小区3栋：\(Self.shown)\n#2 李阿姨｜龙西小区5栋：龙西小区5栋的李阿姨想学用智能手机\n回复「认领 #编号」接单，完成后附照片回复「#编号 完成」"
                    ))
        }
    }

    @Test func mondaysPublicationIsSentOnceAlsoAcrossARestartAndMarksWishesWaitingTwoWeeks() async throws {
        let clock = ManualClock()
        let store = try BoardStore.inMemory(clock: clock.now)
        let platform = ReplyRecorder()
        let day = 24 * SchedulerTests.hour
        try await SchedulerTests.withCalendar(
            platform, store: store, jobs: [.wishPublication], configure: { $0.board.users = boardTestUsers() }
        ) { client, scheduler in
            // Monday 08:00 on a new store: the first slot is only recorded.
            #expect(try await scheduler.runDue()[.wishPublication] == 0)
            try await Self.postWish(client)
            try await SchedulerTests.heard("已收到您的心愿 #1", platform)
            // The secretary speaks in the riders' group (where the calendar finds them) and approves it.
            try await client.postMessage(messageBody(id: "s-1", sender: "sec-1", name: "王书记", text: "发布心愿"))
            try await SchedulerTests.heard("目前没有待认领的微心愿", platform)
            let board = BoardClient(client)
            try await board.login("sec", "pw-secret")
            try await Self.approve(1, on: board)
            try await SchedulerTests.heard("新微心愿 #1", platform)

            // 09:00: the list to the members, the summary to the secretary; once.
            clock.advance(seconds: SchedulerTests.hour)
            let sent = try await SchedulerTests.replies(of: scheduler, platform).map(\.reply)
            #expect(sent.count == 2)
            #expect(sent.first { $0.groupID == "members-1" }?.text.hasPrefix("本周微心愿 1 个待认领\n#1 张奶奶｜龙西小区3栋") == true)
            let summary = try #require(sent.first { $0.groupID == "riders-1" })
            #expect(summary.text == "微心愿已发布：1 个待认领，已发到党员群")
            #expect(summary.mentions == ["sec-1"])
            #expect(try await scheduler.runDue().isEmpty)
            #expect(try await scheduler.runDue().isEmpty)

            // A week on, still unclaimed but not yet for two weeks.
            clock.advance(seconds: 7 * day)
            let second = try await SchedulerTests.replies(of: scheduler, platform).map(\.reply)
            #expect(second.count == 2)
            #expect(second.allSatisfy { !$0.text.contains("无人认领") })
            // Delivered and marked sent before the server stops, so the restart has nothing of it to resend.
            #expect(
                try await eventually { try await store.read { tx in try tx.queue.outboxCount(status: .pending) } == 0 })
        }

        // Down for a week and restarted on the same store: the missed Monday is caught up once, and the
        // wish, approved fourteen days ago, is marked for the secretary.
        clock.advance(seconds: 7 * day)
        let again = ReplyRecorder()
        try await SchedulerTests.withCalendar(
            again, store: store, jobs: [.wishPublication], configure: { $0.board.users = boardTestUsers() }
        ) { client, scheduler in
            #expect(try await scheduler.runDue()[.wishPublication] == 2)
            try await again.waitFor(delivered: 2)
            #expect(try await scheduler.runDue().isEmpty)
            #expect(
                await again.heard(in: "riders-1")
                    == [Heard("微心愿已发布：1 个待认领，已发到党员群\n超过 14 天无人认领：#1 张奶奶，请考虑派单", ["sec-1"])])
            // The board's list marks it too.
            let board = BoardClient(client)
            try await board.login("sec", "pw-secret")
            let list = try await board.get("/board/items").html
            #expect(list.contains("超两周无人认领"))
        }
        #expect(await platform.texts.filter { $0.hasPrefix("本周微心愿") }.count == 2)
    }
}

/// 晒单's after photo travels with the words where the platform can send images.
@Suite struct WishPhotoTests {
    @Test func aOneBot11GroupMessageCarriesThePhotoAfterTheWords() throws {
        var reply = OutboundReply(channel: "qq", groupID: "42", text: "#5 心愿已圆梦 ✅ 张三", mentions: [], inReplyTo: nil)
        reply.imageURL = "http://photos.invalid/after.jpg"
        #expect(
            try OneBot11SendMessage(reply: reply).body.message == [
                .text("#5 心愿已圆梦 ✅ 张三"), .image("http://photos.invalid/after.jpg"),
            ])
        reply.imageURL = nil
        #expect(try OneBot11SendMessage(reply: reply).body.message == [.text("#5 心愿已圆梦 ✅ 张三")])
    }
}
