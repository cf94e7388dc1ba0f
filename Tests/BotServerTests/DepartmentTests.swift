import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@testable import BotServer
@testable import TaskBoard

/// Issue 13 item 3, 吹哨报到 to named departments: the name is checked, the item waits on the
/// department's own deadline and its contact group hears of it, the department's answer is recorded,
/// the secretary chases or strikes it off, a second escalation climbs a level, and an escalated item
/// is late against its department, not the community.
@Suite struct DepartmentTests {
    /// 城管 has a contact group; the other departments keep their defaults (街道 has none).
    static let configure: @Sendable (inout AppConfig) -> Void = { config in
        if let i = config.escalation.departments.firstIndex(where: { $0.name == "城管" }) {
            config.escalation.departments[i].group = PersonRef(id: "dept-cg")
        }
    }

    static let names = "街道、城管、住建、供电所、派出所、环保、物业"

    /// #1 filed by 叶强 in the riders' group at 08:00 on Monday 5 January.
    private func reported(_ client: any TestClientProtocol, _ platform: ReplyRecorder) async throws {
        try await client.postMessage(messageBody(id: "r-1", sender: "u-7", name: "叶强", text: "龙西小区12栋窨井盖破损"))
        try await platform.waitFor(delivered: 2)
    }

    private func secretary(_ id: String, _ text: String) -> Data {
        messageBody(id: id, group: "members-1", sender: "sec-1", text: text)
    }

    @Test func anUnknownOrMissingDepartmentListsTheNamesAndChangesNothing() async throws {
        let platform = ReplyRecorder()
        try await AroundTheItem.run(platform, configure: Self.configure) { client, store, _ in
            try await reported(client, platform)
            try await client.postMessage(secretary("e-1", "吹哨 #1 水务局"))
            try await client.postMessage(secretary("e-2", "吹哨 #1"))
            try await platform.waitFor(delivered: 4)
            #expect(
                await platform.heard(in: "members-1").suffix(2) == [
                    Heard("没有「水务局」这个部门，可上报：\(Self.names)。例如「吹哨 #1 街道」", ["sec-1"]),
                    Heard("请写明上报哪个部门，可上报：\(Self.names)。例如「吹哨 #1 街道」", ["sec-1"]),
                ])
            let item = try await store.read { tx in try tx.item(id: 1) }
            #expect(item?.status == .open)
            #expect(item?.escalatedTo == nil)
            #expect(try await store.read { tx in try tx.currentRequest(itemID: 1) } == nil)
            #expect(await platform.heard(in: "riders-1").count == 1)
        }
    }

    @Test func anEscalationWaitsOnTheDepartmentsDeadlineAndItsGroupGetsTheItem() async throws {
        let platform = ReplyRecorder()
        try await AroundTheItem.run(platform, configure: Self.configure) { client, store, _ in
            try await reported(client, platform)
            // An alias: 城管局 is 城管, whose deadline is 48 hours
            try await client.postMessage(secretary("e-1", "#1 上报城管局"))
            try await platform.waitFor(delivered: 5)
            let escalated = "#1 已上报至城管（吹哨·街道级），答复时限 1月7日 08:00，跟踪办理中。"
            #expect(await platform.heard(in: "members-1").last == Heard(escalated, ["sec-1", "u-7"]))
            // The reporter hears in their group (Notices), the department in its contact group
            #expect(await platform.heard(in: "riders-1").last == Heard(escalated, ["u-7"]))
            #expect(
                await platform.heard(in: "dept-cg") == [
                    Heard("【吹哨报到】#1 井盖｜龙西小区12栋\n龙西小区12栋窨井盖破损\n街道级 · 城管，请于 1月7日 08:00 前办理并答复：回复「#1 城管回复：…」")
                ])
            let (item, request, events) = try await store.read { tx in
                (
                    try tx.item(id: 1), try tx.currentRequest(itemID: 1),
                    try tx.detail(itemID: 1)?.events.map(\.action)
                )
            }
            #expect(item?.status == .escalated)
            #expect(item?.escalatedTo == "城管")
            #expect(request?.department == "城管")
            #expect(request?.level == 1)
            #expect(item?.dueAt == request?.dueAt)
            #expect(request.map { $0.dueAt?.timeIntervalSince($0.raisedAt) } == 48 * 3600)
            #expect(events == [.created, .escalated])
        }
    }

    @Test func aGridWorkerOrTheSecretaryRecordsTheDepartmentsAnswerOthersAreRefused() async throws {
        let platform = ReplyRecorder()
        try await AroundTheItem.run(platform, configure: Self.configure) { client, store, clock in
            try await reported(client, platform)
            try await client.postMessage(secretary("e-1", "吹哨 #1 城管"))
            try await platform.waitFor(delivered: 5)
            clock.advance(seconds: 3 * 3600)
            try await client.postMessage(
                messageBody(id: "e-2", sender: "u-8", name: "周小蜂", text: "#1 城管回复：已安排 周三前清理"))
            try await platform.waitFor(delivered: 6)
            #expect(await platform.heard(in: "riders-1").last == Heard("小蜜蜂不能记录部门答复。", ["u-8"]))
            // Another department's answer on #1 is a wrong number: refused, nothing recorded.
            try await client.postMessage(
                messageBody(id: "e-2b", group: "members-1", sender: "gw-1", text: "#1 住建回复：下周来看"))
            try await platform.waitFor(delivered: 7)
            #expect(await platform.heard(in: "members-1").last == Heard("#1 正在等城管答复，不是住建，请核对编号。", ["gw-1"]))
            try await client.postMessage(
                messageBody(id: "e-3", group: "members-1", sender: "gw-1", text: "#1 城管回复：已安排 周三前清理"))
            try await platform.waitFor(delivered: 9)
            let answered = "#1 已记录城管答复：已安排 周三前清理"
            #expect(await platform.heard(in: "members-1").last == Heard(answered, ["gw-1", "u-7"]))
            #expect(await platform.heard(in: "riders-1").last == Heard(answered, ["u-7"]))
            let (request, last) = try await store.read { tx in
                (try tx.currentRequest(itemID: 1), try tx.detail(itemID: 1)?.events.last)
            }
            #expect(request.map { $0.answeredAt?.timeIntervalSince($0.raisedAt) } == 3 * 3600)
            #expect(last?.action == .departmentAnswered)
            #expect(last?.note == "已安排 周三前清理")
            #expect(try await store.read { tx in try tx.item(id: 1)?.status } == .escalated)
        }
    }

    @Test func theSecretaryChasesTheDepartmentAndStrikesTheItemOff() async throws {
        let platform = ReplyRecorder()
        try await AroundTheItem.run(platform, configure: Self.configure) { client, store, clock in
            try await reported(client, platform)
            try await client.postMessage(messageBody(id: "r-2", sender: "u-7", name: "叶强", text: "龙西小区3栋门口垃圾堆了好几天"))
            try await platform.waitFor(delivered: 4)
            try await client.postMessage(secretary("e-1", "吹哨 #1 城管"))
            try await client.postMessage(secretary("e-2", "吹哨 #2 街道"))
            try await platform.waitFor(delivered: 9)
            clock.advance(seconds: 50 * 3600)
            // 城管 has a contact group: the chase goes there, the secretary gets a receipt
            try await client.postMessage(secretary("e-3", "催办 #1"))
            try await platform.waitFor(delivered: 11)
            #expect(await platform.heard(in: "members-1").last == Heard("#1 已向城管催办。", ["sec-1"]))
            #expect(
                await platform.heard(in: "dept-cg").last
                    == Heard("【催办】#1 井盖｜龙西小区12栋，1月5日 08:00 已上报城管，答复时限 1月7日 08:00，已超期。请尽快办理并回复「#1 城管回复：…」"))
            // 街道 has none: the secretary gets the words to pass on
            try await client.postMessage(secretary("e-4", "催办 #2"))
            try await platform.waitFor(delivered: 12)
            #expect(
                await platform.heard(in: "members-1").last
                    == Heard("【催办】#2 垃圾｜龙西小区3栋，1月5日 08:00 已上报街道，答复时限 1月8日 08:00。请尽快办理并回复「#2 街道回复：…」", ["sec-1"]))
            // A grid worker may not chase
            try await client.postMessage(messageBody(id: "e-5", group: "members-1", sender: "gw-1", text: "催办 #1"))
            try await platform.waitFor(delivered: 13)
            #expect(await platform.heard(in: "members-1").last == Heard("网格员不能催办。", ["gw-1"]))
            // 销号: closed, paid as a resolve, the reporter told
            try await client.postMessage(secretary("e-6", "销号 #1 已清理"))
            try await platform.waitFor(delivered: 15)
            #expect(
                await platform.heard(in: "members-1").last
                    == Heard("#1 已销号办结 ✅（上报事项已由相关部门解决）\n叶强 +2（社情民意收集）", ["u-7"]))
            #expect(await platform.heard(in: "riders-1").last == Heard("#1 已办结 ✅ 感谢反映，+2", ["u-7"]))
            let (item, request, actions) = try await store.read { tx in
                (
                    try tx.item(id: 1), try tx.currentRequest(itemID: 1),
                    try tx.detail(itemID: 1)?.events.map(\.action)
                )
            }
            #expect(item?.status == .closed)
            #expect(request?.solvedAt != nil)
            #expect(actions == [.created, .escalated, .chased, .resolved])
        }
    }

    @Test func aSecondEscalationGoesOneLevelUp() async throws {
        let platform = ReplyRecorder()
        try await AroundTheItem.run(platform, configure: Self.configure) { client, store, clock in
            try await reported(client, platform)
            try await client.postMessage(secretary("e-1", "吹哨 #1 城管"))
            try await platform.waitFor(delivered: 5)
            clock.advance(seconds: 24 * 3600)
            try await client.postMessage(secretary("e-2", "报上级 #1"))
            try await platform.waitFor(delivered: 8)
            #expect(try await store.read { tx in try tx.currentRequest(itemID: 1)?.level } == 2)
            #expect(
                await platform.heard(in: "members-1").last
                    == Heard("#1 已上报至城管（吹哨·区级），答复时限 1月8日 08:00，跟踪办理中。", ["sec-1", "u-7"]))
            // Beyond the top level it stays there, with a new deadline; another department may be named
            try await client.postMessage(secretary("e-3", "吹哨 #1 住建"))
            try await platform.waitFor(delivered: 10)
            #expect(
                await platform.heard(in: "members-1").last
                    == Heard("#1 已上报至住建（吹哨·区级），答复时限 1月11日 08:00，跟踪办理中。", ["sec-1", "u-7"]))
            let (request, notes) = try await store.read { tx in
                (try tx.currentRequest(itemID: 1), try tx.detail(itemID: 1)?.events.map(\.note))
            }
            #expect(request?.department == "住建")
            #expect(request?.level == 2)
            #expect(notes == [nil, "城管", "城管", "住建"])
        }
    }

    @Test func anEscalatedItemIsLateAgainstItsDepartmentNotTheCommunity() async throws {
        let platform = ReplyRecorder()
        try await AroundTheItem.run(platform, configure: Self.configure) { client, store, clock in
            try await reported(client, platform)
            try await client.postMessage(messageBody(id: "r-2", sender: "u-7", name: "叶强", text: "龙西小区3栋门口垃圾堆了好几天"))
            try await platform.waitFor(delivered: 4)
            // #1 goes to 住建 (120 hours); #2 stays with the community (72 hours)
            try await client.postMessage(secretary("e-1", "吹哨 #1 住建"))
            try await platform.waitFor(delivered: 6)
            clock.advance(seconds: 80 * 3600)
            let (overdue, overview, stats) = try await store.read { tx in
                (
                    try tx.overdueItems(limit: 20).map(\.number), try tx.overview(weekStart: .distantPast, grids: nil),
                    try tx.departmentStats(from: .distantPast, to: .distantFuture)
                )
            }
            #expect(overdue == [2])
            #expect(overview.overdue == 1)
            #expect(stats.map(\.overdue) == [0])
            // Past 住建's own deadline it counts against 住建, still not against the community
            clock.advance(seconds: 41 * 3600)
            let (later, laterStats) = try await store.read { tx in
                (
                    try tx.overdueItems(limit: 20).map(\.number),
                    try tx.departmentStats(from: .distantPast, to: .distantFuture)
                )
            }
            #expect(later == [2])
            #expect(laterStats.first?.department == "住建")
            #expect(laterStats.first?.overdue == 1)
        }
    }

    @Test func theBoardShowsDepartmentsAndTheItemsDepartmentDeadlineAndAnswers() async throws {
        let platform = ReplyRecorder()
        try await AroundTheItem.run(platform, configure: Self.configure) { client, store, clock in
            try await reported(client, platform)
            try await client.postMessage(secretary("e-1", "吹哨 #1 城管"))
            try await platform.waitFor(delivered: 5)
            clock.advance(seconds: 2 * 3600)
            try await client.postMessage(secretary("e-2", "#1 城管回复：已安排 周三前清理"))
            try await platform.waitFor(delivered: 7)
            let board = BoardClient(client)
            try await board.login("sec", "pw-secret")
            let item = try await board.get("/board/items/1")
            #expect(item.html.contains("<dd id=\"department-name\">城管（街道级）</dd>"))
            #expect(item.html.contains("<dd id=\"department-due\">2026-01-07 08:00</dd>"))
            #expect(item.html.contains("已安排 周三前清理"))
            #expect(item.html.contains("id=\"form-chase\""))
            // The board's chase and strike-off take the same road as the chat's
            _ = try await board.post("/board/items/1/chase", [])
            _ = try await board.post("/board/items/1/resolve", [("note", "已清理")])
            try await platform.waitFor(delivered: 9)
            #expect(try await store.read { tx in try tx.item(id: 1)?.status } == .closed)
            let page = try await board.get("/board/departments?from=2026-01-01&to=2026-01-31")
            #expect(page.status == .ok)
            #expect(
                page.html.contains(
                    "<tr data-department=\"城管\"><td>城管</td><td>48 小时</td><td class=\"raised\">1</td><td class=\"answered\">1</td><td class=\"solved\">1</td><td class=\"median\">2.0 小时</td>"
                ))
            #expect(
                page.html.contains(
                    "<tr data-department=\"街道\"><td>街道</td><td>72 小时</td><td class=\"raised\">0</td>"))
            // Another range leaves it out
            let before = try await board.get("/board/departments?from=2025-12-01&to=2025-12-31")
            #expect(
                before.html.contains("<tr data-department=\"城管\"><td>城管</td><td>48 小时</td><td class=\"raised\">0</td>"))
        }
    }
}
