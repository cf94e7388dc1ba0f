import Foundation
import GRDB
import Testing

@testable import TaskBoard

/// 吹哨报到's rules: the department's deadline, levels, answers, chases and who may do what, the
/// community's overdue lists without escalated items, and the per-department tally of a date range.
@Suite struct DepartmentRulesTests {
    private func escalation(_ department: String?, hours: Int? = 48) -> Escalation {
        Escalation(department: department, deadlineHours: hours, topLevel: 2)
    }

    @Test("an escalation takes the department's deadline; a second goes a level up, never past the top")
    func levelsAndDeadlines() async throws {
        let h = try await Harness.make()
        let sec = h.secretary.id!
        let id = try await h.report(by: h.rider)
        let first = try await h.run { tx in try tx.escalate(itemID: id, by: sec, to: escalation("城管")) }
        #expect(first.item.dueAt == h.clock.now().addingTimeInterval(48 * 3600))
        #expect(first.item.escalatedTo == "城管")
        h.clock.advance(hours: 10)
        // Unnamed: the same department, a level up, a fresh deadline
        let second = try await h.run { tx in try tx.escalate(itemID: id, by: sec, to: escalation(nil, hours: 24)) }
        #expect(second.item.escalatedTo == "城管")
        #expect(second.item.dueAt == h.clock.now().addingTimeInterval(24 * 3600))
        _ = try await h.run { tx in try tx.escalate(itemID: id, by: sec, to: escalation("住建")) }
        let requests = try await h.store.read { tx in
            try DepartmentRequest.filter(DepartmentRequest.CodingKeys.itemID == id)
                .order(DepartmentRequest.CodingKeys.id).fetchAll(tx.db)
        }
        #expect(requests.map(\.level) == [1, 2, 2])
        #expect(requests.map(\.department) == ["城管", "城管", "住建"])
        let notes = try await h.store.read { tx in try tx.detail(itemID: id)!.events.map(\.note) }
        #expect(notes == [nil, "城管", "城管", "住建"])
    }

    @Test("the secretary or the item's grid worker records answers; only the secretary chases")
    func answerAndChaseRights() async throws {
        let h = try await Harness.make()
        let (sec, ga, gb, m1) = (h.secretary.id!, h.gridA.id!, h.gridB.id!, h.member1.id!)
        let id = try await h.report(by: h.rider)
        try await h.expectRefusal(.wrongState(item: id, status: .open, action: "answer")) { tx in
            try tx.answerDepartment(itemID: id, by: sec, answer: "x")
        }
        _ = try await h.run { tx in try tx.escalate(itemID: id, by: sec, to: escalation("城管")) }
        try await h.expectRefusal(.notAllowed(action: "answer", role: .member)) { tx in
            try tx.answerDepartment(itemID: id, by: m1, answer: "x")
        }
        try await h.expectRefusal(.notAllowed(action: "answer", role: .gridWorker)) { tx in
            try tx.answerDepartment(itemID: id, by: gb, answer: "x")
        }
        try await h.expectRefusal(.notAllowed(action: "chase", role: .gridWorker)) { tx in
            try tx.chase(itemID: id, by: ga)
        }
        h.clock.advance(hours: 5)
        _ = try await h.run { tx in try tx.answerDepartment(itemID: id, by: ga, answer: "已安排") }
        h.clock.advance(hours: 5)
        _ = try await h.run { tx in try tx.answerDepartment(itemID: id, by: sec, answer: "已清理") }
        _ = try await h.run { tx in try tx.chase(itemID: id, by: sec) }
        let (request, events) = try await h.store.read { tx in
            (try tx.currentRequest(itemID: id)!, try tx.detail(itemID: id)!.events)
        }
        // The first answer is the answer time
        #expect(request.answeredAt == request.raisedAt.addingTimeInterval(5 * 3600))
        #expect(
            events.map(\.action) == [.created, .escalated, .departmentAnswered, .departmentAnswered, .chased])
        #expect(events.map(\.note) == [nil, "城管", "已安排", "已清理", "城管"])
        // Striking it off solves the request it waited on
        _ = try await h.run { tx in try tx.resolve(itemID: id, by: sec, note: nil) }
        #expect(try await h.store.read { tx in try tx.currentRequest(itemID: id)?.solvedAt } == h.clock.now())
    }

    @Test("an escalated item is never overdue against the community, only against its department")
    func overdueLists() async throws {
        let h = try await Harness.make()
        let sec = h.secretary.id!
        let kept = try await h.report(by: h.rider)
        let escalated = try await h.report(by: h.rider)
        _ = try await h.run { tx in try tx.escalate(itemID: escalated, by: sec, to: escalation("住建", hours: 120)) }
        h.clock.advance(hours: 200)
        let (overdue, overview, search, stats) = try await h.store.read { tx in
            (
                try tx.overdueItems(limit: 10).map(\.id), try tx.overview(weekStart: .distantPast, grids: nil).overdue,
                try tx.searchItems(ItemQuery(overdue: true)).items.map(\.id),
                try tx.departmentStats(from: .distantPast, to: .distantFuture)
            )
        }
        #expect(overdue == [kept])
        #expect(overview == 1)
        #expect(search == [kept])
        #expect(stats.map(\.overdue) == [1])
    }

    @Test("per department over a range: raised, answered, solved, median answer time, waiting past the deadline")
    func statsOfARange() async throws {
        let h = try await Harness.make()
        let sec = h.secretary.id!
        let start = h.clock.now()
        var reported: [Int64] = []
        for _ in 0..<4 { reported.append(try await h.report(by: h.rider)) }
        let ids = reported
        for id in ids.prefix(3) {
            _ = try await h.run { tx in try tx.escalate(itemID: id, by: sec, to: escalation("城管", hours: 48)) }
        }
        _ = try await h.run { tx in try tx.escalate(itemID: ids[3], by: sec, to: escalation("物业", hours: 24)) }
        // 城管 answers #1 after 2 hours, #2 after 6: median 4 hours; #1 is struck off
        h.clock.advance(hours: 2)
        _ = try await h.run { tx in try tx.answerDepartment(itemID: ids[0], by: sec, answer: "a") }
        h.clock.advance(hours: 4)
        _ = try await h.run { tx in try tx.answerDepartment(itemID: ids[1], by: sec, answer: "b") }
        _ = try await h.run { tx in try tx.resolve(itemID: ids[0], by: sec, note: nil) }
        // #2 goes a level up: its first request is no longer waited on
        _ = try await h.run { tx in try tx.escalate(itemID: ids[1], by: sec, to: escalation(nil, hours: 48)) }
        h.clock.advance(hours: 60)
        let stats = try await h.store.read { tx in
            try tx.departmentStats(from: start, to: start.addingTimeInterval(7 * 86_400))
        }
        #expect(
            stats == [
                DepartmentStats(
                    department: "城管", raised: 4, answered: 2, solved: 1, medianAnswerSeconds: 4 * 3600, overdue: 2),
                DepartmentStats(
                    department: "物业", raised: 1, answered: 0, solved: 0, medianAnswerSeconds: nil, overdue: 1),
            ])
        // A range before any of it raised nothing, but what waits past its deadline now still shows
        let earlier = try await h.store.read { tx in
            try tx.departmentStats(from: start.addingTimeInterval(-86_400), to: start)
        }
        #expect(
            earlier == [
                DepartmentStats(
                    department: "城管", raised: 0, answered: 0, solved: 0, medianAnswerSeconds: nil, overdue: 2),
                DepartmentStats(
                    department: "物业", raised: 0, answered: 0, solved: 0, medianAnswerSeconds: nil, overdue: 1),
            ])
    }

    @Test("the rebuilt timeline keeps its rows and still refuses unknown actions; a request names its department")
    func schemaChecks() async throws {
        let h = try await Harness.make()
        let id = try await h.report(by: h.rider)
        _ = try await h.run { tx in try tx.escalate(itemID: id, by: h.secretary.id!, to: escalation("城管")) }
        try await h.db.write { db in
            #expect(throws: DatabaseError.self) {
                try db.execute(
                    sql: "INSERT INTO timeline_events (item_id, action, at) VALUES (?, 'bogus', 0)", arguments: [id])
            }
            #expect(throws: DatabaseError.self) {
                try db.execute(
                    sql: "INSERT INTO department_requests (item_id, department, level, raised_at) VALUES (?, '', 1, 0)",
                    arguments: [id])
            }
        }
    }
}
