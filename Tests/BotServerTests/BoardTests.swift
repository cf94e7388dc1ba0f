import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BotServer
@testable import TaskBoard

/// The board's pages and actions in process: login, roles, CSRF, and that a button does exactly
/// what the same chat command does.
@Suite struct BoardTests {
    static func configure(_ config: inout AppConfig, _: String) {
        config.board.users = boardTestUsers()
        config.board.maxFailedLogins = 3
    }

    /// Report in G1 (龙西小区), registration, claim and submission through the webhook, as the chat does it.
    static func submittedItem(_ client: any TestClientProtocol, _ store: BoardStore, prefix: String = "m") async throws
    {
        try await client.postMessage(
            messageBody(id: "\(prefix)-1", sender: "u-7", name: "叶强", text: "龙西小区12栋窨井盖破损"))
        try await client.postMessage(
            messageBody(id: "\(prefix)-2", group: "members-1", sender: "p-1", name: "Zhang", text: "报到 张三"))
        try await client.postMessage(messageBody(id: "\(prefix)-3", group: "members-1", sender: "p-1", text: "认领 #1"))
        try await client.postMessage(
            messageBody(
                id: "\(prefix)-4", group: "members-1", sender: "p-1", text: "#1 完成",
                images: ["http://example.invalid/b.jpg"]))
        #expect(try await eventually { try await store.read { tx in try tx.item(id: 1)?.status } == .submitted })
    }

    @Test func everyPageNeedsALogin() async throws {
        try await withServer(platform: ReplyRecorder(), configure: Self.configure) { client, store in
            let board = BoardClient(client)
            for path in [
                "/board", "/board/items", "/board/items/1", "/board/reviews", "/board/members",
                "/board/leaderboard", "/board/exchange", "/board/items.csv", "/board/ledger.csv", "/board/report",
                "/board/report.csv",
            ] {
                let page = try await board.get(path)
                #expect(page.status == .seeOther, "\(path)")
                #expect(page.location?.hasPrefix("/board/login?next=") == true, "\(path)")
            }
            try await Self.submittedItem(client, store)
            let post = try await board.post("/board/items/1/verify", [], csrf: "x")
            #expect(post.status == .seeOther)
            #expect(post.location == "/board/login")
            #expect(try await store.read { tx in try tx.item(id: 1)?.status } == .submitted)
        }
    }

    @Test func loginSetsAStrictSessionCookieAndLogoutEndsIt() async throws {
        try await withServer(platform: ReplyRecorder(), configure: Self.configure) { client, _ in
            let board = BoardClient(client)
            let wrong = try await board.login("sec", "nope")
            #expect(wrong.status == .unauthorized)
            #expect(wrong.html.contains("用户名或密码不正确"))
            let ok = try await board.login("sec", "pw-secret")
            #expect(ok.status == .seeOther)
            #expect(ok.location == "/board")
            let cookie = ok.headers[values: .setCookie].first { $0.hasPrefix("fc_session=") } ?? ""
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            let overview = try await board.get("/board")
            #expect(overview.status == .ok)
            #expect(overview.html.contains("王书记"))
            #expect(overview.headers[HTTPField.Name("Content-Security-Policy")!]?.contains("script-src 'self'") == true)
            let out = try await board.post("/board/logout", [])
            #expect(out.location == "/board/login")
            #expect(try await board.get("/board").status == .seeOther)
        }
    }

    @Test func repeatedWrongPasswordsLockTheName() async throws {
        try await withServer(platform: ReplyRecorder(), configure: Self.configure) { client, _ in
            let board = BoardClient(client)
            for _ in 0..<3 { #expect(try await board.login("gw", "wrong").status == .unauthorized) }
            let locked = try await board.login("gw", "pw-secret")
            #expect(locked.status == .tooManyRequests)
            #expect(locked.html.contains("锁定"))
            // Another name is not affected.
            #expect(try await board.login("sec", "pw-secret").status == .seeOther)
        }
    }

    @Test func loginAndActionsRefuseAMissingOrWrongCSRFToken() async throws {
        try await withServer(platform: ReplyRecorder(), configure: Self.configure) { client, store in
            let board = BoardClient(client)
            _ = try await board.get("/board/login")
            let forged = try await board.post(
                "/board/login", [("username", "sec"), ("password", "pw-secret")], csrf: "0000")
            #expect(forged.status == .forbidden)
            try await board.login("sec", "pw-secret")
            try await Self.submittedItem(client, store)
            _ = try await board.get("/board/items/1")
            let refused = try await board.post("/board/items/1/verify", [("note", "好")], csrf: "deadbeef")
            #expect(refused.status == .forbidden)
            #expect(try await store.read { tx in try tx.item(id: 1)?.status } == .submitted)
        }
    }

    /// The same item verified by chat and by the board ends in the same state with the same ledger.
    @Test func verifyOnTheBoardEqualsVerifyInChat() async throws {
        let chat = ReplyRecorder()
        let chatStore = try BoardStore.inMemory()
        try await withServer(platform: chat, store: chatStore, configure: Self.configure) { client, store in
            try await Self.submittedItem(client, store)
            try await client.postMessage(messageBody(id: "v", group: "members-1", sender: "sec-1", text: "验收 #1"))
            #expect(try await eventually { try await store.read { tx in try tx.item(id: 1)?.status } == .closed })
        }
        let web = ReplyRecorder()
        let webStore = try BoardStore.inMemory()
        try await withServer(platform: web, store: webStore, configure: Self.configure) { client, store in
            try await Self.submittedItem(client, store)
            let board = BoardClient(client)
            try await board.login("sec", "pw-secret")
            let page = try await board.get("/board/items/1")
            #expect(page.html.contains("id=\"action-verify\""))
            let done = try await board.post("/board/items/1/verify", [])
            #expect(done.location == "/board/items/1")
            let after = try await board.follow(done)
            #expect(after.html.contains("已验收通过"))
            #expect(after.html.contains("已办结"))
            try await web.waitFor(delivered: 5)
            let announcement = await web.texts.last ?? ""
            #expect(announcement.contains("#1 验收通过"))
            #expect(announcement.contains("张三 +5"))
        }
        let summarize: @Sendable (BoardTransaction) throws -> [String] = { tx in
            let item = try tx.item(id: 1)
            let ledger = try tx.ledgerPage(memberID: nil, limit: 100, offset: 0).entries.map {
                "\(try tx.member(id: $0.memberID)?.platformID ?? "")\($0.board.rawValue)\($0.delta)\($0.reason.rawValue)"
            }
            let events = try tx.detail(itemID: 1)?.events.map(\.action.rawValue) ?? []
            return ["\(item?.status.rawValue ?? "")"] + ledger.sorted() + events
        }
        let fromChat = try await chatStore.read(summarize)
        let fromBoard = try await webStore.read(summarize)
        #expect(fromChat == fromBoard)
        #expect(fromBoard.first == "closed")
    }

    @Test func aGridWorkerSeesAndActsOnTheOwnGridOnly() async throws {
        try await withServer(platform: ReplyRecorder(), configure: Self.configure) { client, store in
            try await Self.submittedItem(client, store)  // #1 in G1
            try await client.postMessage(messageBody(id: "g2", sender: "u-8", name: "王五", text: "世纪花园3栋路灯不亮"))
            #expect(try await eventually { try await store.read { tx in try tx.item(id: 2)?.grid } == "G2" })
            let board = BoardClient(client)
            try await board.login("gw", "pw-secret")
            let list = try await board.get("/board/items")
            #expect(list.html.contains("data-id=\"1\""))
            #expect(!list.html.contains("data-id=\"2\""))
            #expect(try await board.get("/board/items/2").status == .notFound)
            let refused = try await board.post("/board/items/2/escalate", [("target", "街道")])
            #expect(refused.status == .notFound)
            #expect(try await store.read { tx in try tx.item(id: 2)?.status } == .open)
            // On the own grid the grid worker verifies like the secretary.
            _ = try await board.get("/board/items/1")
            let done = try await board.post("/board/items/1/verify", [])
            #expect(done.status == .seeOther)
            #expect(try await store.read { tx in try tx.item(id: 1)?.status } == .closed)
        }
    }

    @Test func returnEscalateResolveCancelAndMergeChangeStateAsTheCommandsDo() async throws {
        let platform = ReplyRecorder()
        try await withServer(platform: platform, configure: Self.configure) { client, store in
            try await Self.submittedItem(client, store)
            try await client.postMessage(messageBody(id: "x2", sender: "u-8", name: "王五", text: "龙西小区3栋门口垃圾堆了好几天"))
            try await client.postMessage(messageBody(id: "x3", sender: "u-9", name: "赵六", text: "龙西小区8栋井盖又坏了"))
            #expect(try await eventually { try await store.read { tx in try tx.item(id: 3) } != nil })
            let board = BoardClient(client)
            try await board.login("sec", "pw-secret")
            _ = try await board.get("/board/items/1")
            _ = try await board.post("/board/items/1/return", [("note", "照片看不清")])
            #expect(try await store.read { tx in try tx.item(id: 1)?.status } == .claimed)
            _ = try await board.post("/board/items/2/escalate", [("target", "街道城管科")])
            // 吹哨报到: the street's 城管科 is the department 城管
            #expect(try await store.read { tx in try tx.item(id: 2)?.escalatedTo } == "城管")
            _ = try await board.post("/board/items/2/resolve", [("note", "已清运")])
            #expect(try await store.read { tx in try tx.item(id: 2)?.status } == .closed)
            _ = try await board.post("/board/items/3/merge", [("into", "1")])
            let merged = try await store.read { tx in try tx.item(id: 3) }
            #expect(merged?.status == .merged)
            #expect(merged?.duplicateOf == 1)
            let itemPage = try await board.get("/board/items/1")
            #expect(itemPage.html.contains("已合并的重复报告"))
            // A refusal is the chat's words, shown as a notice; nothing changes.
            let again = try await board.post("/board/items/2/cancel", [("note", "x")])
            let shown = try await board.follow(again)
            #expect(shown.html.contains("现在是「已办结」"))
            #expect(try await store.read { tx in try tx.item(id: 2)?.status } == .closed)
            try await platform.waitFor(delivered: 8)
            let texts = await platform.texts
            #expect(texts.contains { $0.contains("#1 验收未通过，已退回 张三：照片看不清") })
            #expect(texts.contains { $0.contains("#3 与 #1 是同一件事") })
        }
    }

    @Test func assignAndCancelAsInvalid() async throws {
        try await withServer(platform: ReplyRecorder(), configure: Self.configure) { client, store in
            try await client.postMessage(messageBody(id: "a1", sender: "u-7", name: "叶强", text: "广场花苑2栋楼道堆满杂物"))
            try await client.postMessage(
                messageBody(id: "a2", group: "members-1", sender: "p-1", name: "张三", text: "报到 张三"))
            try await client.postMessage(messageBody(id: "a3", sender: "u-8", name: "王五", text: "龙西小区5栋有人乱扔垃圾"))
            #expect(try await eventually { try await store.read { tx in try tx.item(id: 2) } != nil })
            let p1 = try await store.read { tx in try tx.member(platformID: "p-1")?.id }
            let board = BoardClient(client)
            try await board.login("sec", "pw-secret")
            _ = try await board.get("/board/items/1")
            _ = try await board.post("/board/items/1/assign", [("member", "\(p1 ?? 0)"), ("note", "住得近")])
            let assigned = try await store.read { tx in try tx.item(id: 1) }
            #expect(assigned?.status == .claimed)
            #expect(assigned?.claimantID == p1)
            let assignedEvent = try await store.read { tx in try tx.detail(itemID: 1)?.events.last }
            #expect(assignedEvent?.action == .assigned)
            #expect(assignedEvent?.note == "张三：住得近")
            _ = try await board.post("/board/items/2/cancel", [("note", "重复刷屏"), ("invalid", "1")])
            #expect(try await store.read { tx in try tx.item(id: 2)?.status } == .cancelled)
            let balance = try await store.read { tx in
                try tx.balance(memberID: try tx.member(platformID: "u-8")?.id ?? 0).total
            }
            #expect(balance == 0)  // +1 on report, -1 as invalid
        }
    }

    @Test func listFiltersSortsPagesAndExportsCSV() async throws {
        try await withServer(platform: ReplyRecorder(), configure: Self.configure) { client, store in
            try await store.write { tx in
                let reporter = try tx.upsertMember(platformID: "u-1", name: "叶强", role: .rider, grid: nil)
                for n in 0..<40 {
                    _ = try tx.createItem(
                        NewItem(
                            kind: .issue, category: n % 2 == 0 ? "manhole" : "garbage",
                            location: Location(estate: "龙西小区", building: "\(n)", grid: "G1"),
                            text: n == 7 ? "=HYPERLINK(\"x\"),井盖" : "第\(n)件",
                            reporterID: reporter.id ?? 0))
                }
            }
            let board = BoardClient(client)
            try await board.login("sec", "pw-secret")
            let first = try await board.get("/board/items?category=manhole")
            #expect(first.html.contains("共 20 条"))
            #expect(first.html.contains("data-id=\"39\""))
            #expect(first.html.contains("data-id=\"1\""))
            #expect(!first.html.contains("data-id=\"2\""))
            let page2 = try await board.get("/board/items?sort=oldest&page=2")
            #expect(page2.html.contains("第 2 / 2 页"))
            #expect(page2.html.contains("data-id=\"31\""))
            #expect(!page2.html.contains("data-id=\"30\""))
            let oldest = try await board.get("/board/items?sort=oldest")
            let firstRow = oldest.html.range(of: "data-id=\"")
            #expect(firstRow.map { oldest.html[$0.upperBound...].hasPrefix("1\"") } == true)
            #expect(oldest.html.contains("id=\"page-next\""))
            let search = try await board.get("/board/items?q=%E7%AC%AC12%E4%BB%B6")
            #expect(search.html.contains("共 1 条"))
            let csv = try await board.get("/board/items.csv?category=manhole")
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.html.hasPrefix("\u{FEFF}编号,类型,状态,类别"))
            #expect(csv.html.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 21)
            let all = try await board.get("/board/items.csv")
            #expect(all.html.contains("\"'=HYPERLINK(\"\"x\"\"),井盖\""))
            let ledger = try await board.get("/board/ledger.csv")
            #expect(ledger.html.hasPrefix("\u{FEFF}流水号"))
            #expect(ledger.html.contains("报告受理"))
        }
    }

    @Test func aReviewDecisionFilesTheReportAndAnswersTheSender() async throws {
        let platform = ReplyRecorder()
        try await withServer(platform: platform, configure: Self.configure) { client, store in
            try await store.write { tx in
                let inbox = try tx.queue.insertInbox(
                    channel: "generic", platformMessageID: "r-1", groupID: "riders-1", senderID: "u-7",
                    payload: String(
                        decoding: try JSONEncoder().encode(
                            InboundMessage(
                                channel: "generic", messageID: "r-1", groupID: "riders-1", senderID: "u-7",
                                senderName: "叶强", text: "那边好像有点问题", imageURLs: [], location: nil, timestamp: nil)),
                        as: UTF8.self))
                try tx.queue.markInbox(id: inbox ?? 0, state: .processed, error: nil)
                _ = try tx.upsertMember(platformID: "u-7", name: "叶强", role: .rider, grid: nil)
                try tx.addReview(
                    ReviewEntry(
                        inboxID: inbox ?? 0, channel: "generic", groupID: "riders-1", senderID: "u-7",
                        text: "那边好像有点问题", imageURLs: [],
                        parse:
                            "{\"intent\":\"chitchat\",\"photoURLs\":[],\"confidence\":0.3,\"needsReview\":true,\"missing\":[]}",
                        reason: .lowConfidence, createdAt: tx.now))
            }
            let board = BoardClient(client)
            try await board.login("sec", "pw-secret")
            let queue = try await board.get("/board/reviews")
            #expect(queue.html.contains("那边好像有点问题"))
            let decided = try await board.post(
                "/board/reviews/1/report", [("category", "drainage"), ("estate", "龙西小区"), ("building", "3栋")])
            #expect(decided.status == .seeOther)
            let item = try await store.read { tx in try tx.item(id: 1) }
            #expect(item?.category == "drainage")
            #expect(item?.estate == "龙西小区")
            #expect(item?.grid == "G1")
            #expect(item?.reporterID == (try await store.read { tx in try tx.member(platformID: "u-7")?.id }))
            try await platform.waitFor(delivered: 1)
            let receipt = await platform.accepted[0]
            #expect(receipt.json["group_id"]?.string == "riders-1")
            #expect(receipt.json["text"]?.string?.contains("已收到 #1") == true)
            #expect(receipt.json["mentions"]?.array?.first?.string == "u-7")
            // Deciding twice is refused.
            let twice = try await board.follow(try await board.post("/board/reviews/1/ignore", []))
            #expect(twice.html.contains("已经处理过"))
        }
    }

    @Test func membersApproveActivityAndExchange() async throws {
        try await withServer(platform: ReplyRecorder(), configure: Self.configure) { client, store in
            try await Self.submittedItem(client, store)
            try await client.postMessage(messageBody(id: "v", group: "members-1", sender: "sec-1", text: "验收 #1"))
            #expect(try await eventually { try await store.read { tx in try tx.item(id: 1)?.status } == .closed })
            let p1 = try await store.read { tx in try tx.member(platformID: "p-1")?.id ?? 0 }
            let board = BoardClient(client)
            try await board.login("sec", "pw-secret")
            let members = try await board.get("/board/members")
            #expect(members.html.contains("待确认的报到"))
            _ = try await board.post("/board/members/\(p1)/approve", [])
            #expect(try await store.read { tx in try tx.member(id: p1)?.approvedAt } != nil)
            _ = try await board.post("/board/activities", [("member", "\(p1)"), ("name", "社区环境整治")])
            let after = try await board.get("/board/members")
            #expect(after.html.contains("✓ 已完成"))
            // 张三 has 5 points: 洗衣液 (10) is refused, then an adjustment makes it affordable.
            _ = try await board.get("/board/exchange")
            let refused = try await board.follow(
                try await board.post("/board/exchange", [("member", "\(p1)"), ("entry", "0")]))
            #expect(refused.html.contains("积分"))
            #expect(try await store.read { tx in try tx.balance(memberID: p1).total } == 5)
            try await store.write { tx in
                _ = try tx.adjust(
                    memberID: p1, board: .service, delta: 5, itemID: nil,
                    by: try tx.member(platformID: "sec-1")?.id ?? 0)
            }
            let ok = try await board.follow(
                try await board.post("/board/exchange", [("member", "\(p1)"), ("entry", "0")]))
            #expect(ok.html.contains("洗衣液"))
            let exchanges = try await board.get("/board/exchange")
            #expect(exchanges.html.contains("兑换「洗衣液一瓶」，10 分"))
            let ledgerCSV = try await board.get("/board/ledger.csv")
            #expect(ledgerCSV.html.contains("积分兑换,,洗衣液一瓶"))
            #expect(try await store.read { tx in try tx.balance(memberID: p1).total } == 0)
            let leaders = try await board.get("/board/leaderboard?period=year&board=service")
            #expect(leaders.html.contains("张三"))
        }
    }

    @Test func overviewCountsTheBoard() async throws {
        try await withServer(platform: ReplyRecorder(), configure: Self.configure) { client, store in
            try await Self.submittedItem(client, store)
            let board = BoardClient(client)
            try await board.login("sec", "pw-secret")
            let page = try await board.get("/board")
            #expect(page.html.contains("id=\"stat-stat_submitted\"><div class=\"n\">1</div>"))
            #expect(page.html.contains("<svg class=\"bars\""))
            #expect(page.html.contains("井盖"))
            #expect(page.html.contains("第一网格"))
        }
    }

    @Test func fileOnBehalfAndLocateAMissingPlace() async throws {
        let platform = ReplyRecorder()
        try await withServer(platform: platform, configure: Self.configure) { client, store in
            try await client.postMessage(messageBody(id: "l1", sender: "u-7", name: "叶强", text: "路灯坏了，晚上黑漆漆的"))
            #expect(try await eventually { try await store.read { tx in try tx.item(id: 1) } != nil })
            try await platform.waitFor(delivered: 2)
            let board = BoardClient(client)
            try await board.login("sec", "pw-secret")
            let queue = try await board.get("/board/reviews")
            #expect(queue.html.contains("缺少位置的报告"))
            _ = try await board.post("/board/items/1/locate", [("estate", "广场花苑"), ("building", "5栋")])
            let located = try await store.read { tx in try tx.item(id: 1) }
            #expect(located?.estate == "广场花苑")
            #expect(located?.building == "5")
            #expect(located?.grid == "G1")
            try await platform.waitFor(delivered: 3)
            #expect(await platform.texts[2].contains("#1 位置已补充：广场花苑5栋"))
            // A wish told to the secretary in person, filed for 叶强 and announced in the members' group.
            let yeQiang = try await store.read { tx in try tx.member(platformID: "u-7")?.id ?? 0 }
            let filed = try await board.follow(
                try await board.post(
                    "/board/items/new",
                    [
                        ("member", "\(yeQiang)"), ("kind", "wish"), ("estate", "龙西小区"), ("building", "3"),
                        ("text", "独居老人家里水龙头漏水，想请人帮忙修"), ("notify", "generic/members-1"),
                    ]))
            #expect(filed.html.contains("已代为登记 #2"))
            let wish = try await store.read { tx in try tx.item(id: 2) }
            #expect(wish?.kind == .wish)
            #expect(wish?.reporterID == yeQiang)
            try await platform.waitFor(delivered: 4)
            let announcement = await platform.accepted[3]
            #expect(announcement.json["group_id"]?.string == "members-1")
        }
    }

    @Test func photosAreServedToWhoMaySeeTheItem() async throws {
        try await withServer(platform: ReplyRecorder(), configure: Self.configure) { client, store in
            try await client.postMessage(
                messageBody(id: "p1", sender: "u-8", name: "王五", text: "世纪花园3栋井盖坏了", images: ["sim-sample:manhole.jpg"])
            )
            #expect(try await eventually { try await store.read { tx in try tx.photo(id: 1)?.status } == .stored })
            let anonymous = BoardClient(client)
            #expect(try await anonymous.get("/board/photos/1/thumb").status == .seeOther)
            let secretary = BoardClient(client)
            try await secretary.login("sec", "pw-secret")
            let thumb = try await secretary.get("/board/photos/1/thumb")
            #expect(thumb.status == .ok)
            #expect(thumb.headers[.contentType] == "image/jpeg")
            #expect(try await secretary.get("/board/photos/1").status == .ok)
            let page = try await secretary.get("/board/items/1")
            #expect(page.html.contains("src=\"/board/photos/1/thumb\""))
            let otherGrid = BoardClient(client)
            try await otherGrid.login("gw", "pw-secret")  // G1; the item is in G2
            #expect(try await otherGrid.get("/board/photos/1/thumb").status == .notFound)
        }
    }
}
