import Foundation
import HummingbirdTesting
import Testing

@testable import BotServer
@testable import TaskBoard

/// Issue 13, the review's gaps: a photo sent right after a joined report is that report's, on the
/// item it joined; a wish's approval is on the item's timeline; a new item's announcement carries its
/// first photo where the platform sends images.
@Suite struct ItemNewsTests {
    private let joinedWords = "与 #1 是同一件事，已合并跟进，办结后会通知您"

    @Test func aPhotoRightAfterAJoinedReportIsThatReportsOnTheOriginal() async throws {
        let platform = ReplyRecorder()
        try await AroundTheItem.run(platform) { client, store, _ in
            try await client.postMessage(
                messageBody(
                    id: "r-1", sender: "u-7", name: "叶强", text: "龙西小区12栋窨井盖破损", images: ["http://x.invalid/own.jpg"]))
            try await platform.waitFor(delivered: 2)
            // When another rider reports the same thing, then sends a photo of it
            try await client.postMessage(
                messageBody(id: "j-1", sender: "u-8", name: "周小蜂", text: "龙西小区12栋井盖坏了，很危险"))
            try await platform.waitFor(delivered: 3)
            try await client.postMessage(
                messageBody(id: "j-2", sender: "u-8", text: "", images: ["http://x.invalid/joined.jpg"]))
            try await platform.waitFor(delivered: 4)
            // Then the photo is added to #1, as the joined report's: the rider hears it was added to #1
            #expect(
                await platform.heard(in: "riders-1").suffix(2) == [
                    Heard(joinedWords, ["u-8"]), Heard("#1 已补充照片 1 张。", ["u-8"]),
                ])
            let state = try await store.read { tx in
                (
                    try tx.detail(itemID: 1).map { $0.photos.map(\.url) }, try tx.joinedPhotos(of: 1),
                    try tx.joinedReports(of: 1), try tx.items(status: nil, limit: 10, offset: 0).count
                )
            }
            #expect(state.0 == ["http://x.invalid/own.jpg"], "the item's own photos stay the reporter's")
            let joinedID = try #require(state.2.first?.id)
            #expect(state.1[joinedID]?.map(\.url) == ["http://x.invalid/joined.jpg"])
            #expect(state.2.first?.images == ["http://x.invalid/joined.jpg"])
            #expect(state.3 == 1, "no new item")
            // And #1's page shows it with the joined report, not among the item's own photos
            let board = BoardClient(client)
            try await board.login("sec", "pw-secret")
            let page = try await board.get("/board/items/1").html
            let joinedList = try #require(page.range(of: "id=\"joined\"")).lowerBound
            let photoAt = try #require(page.range(of: "id=\"joined-photos-\(joinedID)\"")).lowerBound
            #expect(photoAt > joinedList)
            #expect(page[photoAt...].contains("下载中…"))
            #expect(page.contains("照片 1 张"))

            // When the secretary splits it off, its photo goes with it to the new item
            _ = try await board.follow(try await board.post("/board/items/1/split", [("joined", "\(joinedID)")]))
            let after = try await store.read { tx in
                (try tx.detail(itemID: 2).map { $0.photos.map(\.url) }, try tx.joinedPhotos(of: 1).isEmpty)
            }
            #expect(after.0 == ["http://x.invalid/joined.jpg"])
            #expect(after.1)
        }
    }

    @Test func aPhotoBeforeAReportThatJoinsIsTheJoinedReportsToo() async throws {
        let platform = ReplyRecorder()
        try await AroundTheItem.run(platform) { client, store, _ in
            try await client.postMessage(messageBody(id: "r-1", sender: "u-7", name: "叶强", text: "龙西小区12栋窨井盖破损"))
            try await platform.waitFor(delivered: 2)
            // A photo first, then the words: the two are one report, joined to #1 with its photo
            try await client.postMessage(
                messageBody(id: "p-1", sender: "u-8", name: "周小蜂", text: "", images: ["http://x.invalid/first.jpg"]))
            try await client.postMessage(messageBody(id: "p-2", sender: "u-8", text: "龙西小区12栋井盖坏了"))
            try await platform.waitFor(delivered: 3)
            #expect(await platform.heard(in: "riders-1").last == Heard(joinedWords, ["u-8"]))
            let photos = try await store.read { tx in
                (try tx.joinedPhotos(of: 1).values.flatMap { $0 }.map(\.url), try tx.detail(itemID: 1)?.photos.count)
            }
            #expect(photos.0 == ["http://x.invalid/first.jpg"])
            #expect(photos.1 == 0)
        }
    }

    @Test func theWishsApprovalIsOnItsTimeline() async throws {
        let platform = ReplyRecorder()
        try await AroundTheItem.run(platform) { client, store, _ in
            try await WishJourneyTests.postWish(client)
            try await platform.waitFor(delivered: 1)
            let board = BoardClient(client)
            try await board.login("sec", "pw-secret")
            try await WishJourneyTests.approve(1, on: board)
            try await platform.waitFor(delivered: 3)
            let events = try await store.read { tx in try tx.detail(itemID: 1)?.events ?? [] }
            #expect(events.map(\.action) == [.created, .approved])
            let secretary = try await store.read { tx in try tx.member(platformID: "sec-1")?.id }
            #expect(events.last?.actorID == secretary)
            let page = try await board.get("/board/items/1").html
            #expect(page.contains("心愿审核通过，已发布"))
        }
    }

    @Test func theAnnouncementCarriesTheReportsFirstPhoto() async throws {
        let platform = ReplyRecorder()
        try await AroundTheItem.run(platform) { client, store, _ in
            try await client.postMessage(
                messageBody(
                    id: "r-1", sender: "u-7", name: "叶强", text: "龙西小区12栋窨井盖破损",
                    images: ["http://x.invalid/a.jpg", "http://x.invalid/b.jpg"]))
            try await platform.waitFor(delivered: 2)
            try await client.postMessage(messageBody(id: "r-2", sender: "u-7", text: "龙西小区3栋路灯不亮了"))
            try await platform.waitFor(delivered: 4)
            #expect(
                try await eventually { try await store.read { tx in try tx.queue.outboxCount(status: .pending) } == 0 })
            let announcements = await platform.received.filter { $0.reply.groupID == "members-1" }
            #expect(announcements.map { String($0.reply.text.prefix(7)) } == ["新事项 #1 ", "新事项 #2 "])
            #expect(announcements.map { $0.json["image_url"]?.string } == ["http://x.invalid/a.jpg", nil])
            // The receipt in the riders' group carries no photo back.
            #expect(
                await platform.received.filter { $0.reply.groupID == "riders-1" }.allSatisfy {
                    $0.reply.imageURL == nil
                })
        }
    }

    @Test func theDigestListsItemsLateAtTheirDepartmentApart() async throws {
        let clock = ManualClock()
        let platform = ReplyRecorder()
        try await SchedulerTests.withCalendar(
            platform, store: try BoardStore.inMemory(clock: clock.now), jobs: [.overdueDigest]
        ) { client, scheduler in
            try await scheduler.runDue()
            try await client.postMessage(messageBody(id: "r-1", sender: "u-7", name: "叶强", text: "龙西小区12栋窨井盖破损"))
            try await client.postMessage(messageBody(id: "r-2", sender: "u-7", text: "龙西小区3栋门口垃圾堆了好几天"))
            try await platform.waitFor(delivered: 4)
            // #1 goes to 城管 (48 hours); #2 stays with the community (72 hours)
            try await client.postMessage(messageBody(id: "e-1", sender: "sec-1", name: "王书记", text: "吹哨 #1 城管"))
            try await SchedulerTests.heard("#1 已上报", platform)
            clock.advance(seconds: 73 * 3600)
            let digest = try await SchedulerTests.replies(of: scheduler, platform)
            #expect(digest.count == 1)
            #expect(digest.first?.reply.mentions == ["sec-1"])
            #expect(
                digest.first?.reply.text == """
                    今日逾期事项 1 件：
                    #2 垃圾｜龙西小区3栋，时限 1月8日 08:00，已超期 1 天
                    等待部门超期 1 件：
                    #1 井盖｜龙西小区12栋，等待城管，时限 1月7日 08:00，已超期 1 天
                    详情见工作台「已超期」。
                    """)
        }
    }

    @Test func theGenericAndWeComRobotSendersCarryThePhoto() async throws {
        let reply = OutboundReply(
            channel: "c", groupID: "g", text: "新事项 #1 井盖｜龙西小区12栋\n第二行", mentions: [], inReplyTo: nil,
            imageURL: "http://x.invalid/a.jpg")
        let generic = FakePlatform()
        try await generic.run { base in
            try await GenericReplySender(url: URL(string: base + "/out")!, timeout: 60).send(reply)
        }
        #expect(await generic.received.first?.json["image_url"]?.string == "http://x.invalid/a.jpg")

        let robot = FakePlatform(answer: #"{"errcode":0,"errmsg":"ok"}"#)
        try await robot.run { base in
            try await WeComRobotSender(webhookURL: URL(string: base + "/send?key=k")!, timeout: 60).send(reply)
        }
        let calls = await robot.received
        #expect(calls.map { $0.json["msgtype"]?.string } == ["text", "news"])
        let article = calls.last?.json["news"]?["articles"]?.array?.first
        #expect(article?["picurl"]?.string == "http://x.invalid/a.jpg")
        #expect(article?["title"]?.string == "新事项 #1 井盖｜龙西小区12栋")
    }
}
