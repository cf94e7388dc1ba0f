import Foundation
import Testing

@testable import TaskBoard

/// The members page: registrations to approve, activities, and the yearly duty.
@Suite("Members page")
struct MemberPagesTests {
    @Test("registered party members wait for approval, longest-waiting first")
    func pending() async throws {
        // Given the harness's two registered members and a third who registers an hour later
        let h = try await Harness.make()
        #expect(h.member1.isPendingRegistration)
        #expect(h.member1.approvedAt == nil)
        h.clock.advance(hours: 1)
        let m3 = try await h.run { tx in try tx.register(platformID: "wx-m3", name: "Wang Wu", role: .member) }
        // A registration as something other than a party member waits for nothing
        _ = try await h.run { tx in try tx.register(platformID: "wx-r3", name: "Zhao Liu", role: .rider) }
        var pending = try await h.store.read { tx in try tx.pendingRegistrations() }
        #expect(pending.map(\.id) == [h.member1.id, h.member2.id, m3.id])
        // When the secretary approves the first
        let (m1, sec) = (h.member1.id!, h.secretary.id!)
        h.clock.advance(hours: 1)
        let approved = try await h.run { tx in try tx.approveRegistration(memberID: m1, by: sec) }
        // Then it is approved by the secretary, now, and no longer pending
        #expect(approved.approvedAt == TestClock.start.addingTimeInterval(2 * 3600))
        #expect(approved.approvedBy == sec)
        #expect(!approved.isPendingRegistration)
        #expect(try await h.store.read { tx in try tx.member(id: m1) } == approved)
        pending = try await h.store.read { tx in try tx.pendingRegistrations() }
        #expect(pending.map(\.id) == [h.member2.id, m3.id])
    }

    @Test("only the secretary approves, and only what is pending")
    func approvalRefusals() async throws {
        let h = try await Harness.make()
        let (m1, m2, rider, sec, ga) = (h.member1.id!, h.member2.id!, h.rider.id!, h.secretary.id!, h.gridA.id!)
        // A grid worker or a member may not approve
        try await h.expectPageRefusal(BoardError.notAllowed(action: "approve", role: .gridWorker)) { tx in
            try tx.approveRegistration(memberID: m1, by: ga)
        }
        try await h.expectPageRefusal(BoardError.notAllowed(action: "approve", role: .member)) { tx in
            try tx.approveRegistration(memberID: m1, by: m2)
        }
        // A rider never registered; an unknown member does not exist
        try await h.expectPageRefusal(BoardPageError.notPending(member: rider)) { tx in
            try tx.approveRegistration(memberID: rider, by: sec)
        }
        try await h.expectPageRefusal(BoardError.noSuchMember("999")) { tx in
            try tx.approveRegistration(memberID: 999, by: sec)
        }
        // Approving twice is refused the second time
        _ = try await h.run { tx in try tx.approveRegistration(memberID: m1, by: sec) }
        try await h.expectPageRefusal(BoardPageError.notPending(member: m1)) { tx in
            try tx.approveRegistration(memberID: m1, by: sec)
        }
        #expect(BoardPageError.notPending(member: 7).description == "member 7 has no registration awaiting approval")
    }

    @Test("the secretary records activities; they list latest first")
    func activities() async throws {
        let h = try await Harness.make()
        let (m1, m2, sec) = (h.member1.id!, h.member2.id!, h.secretary.id!)
        let spring = TestClock.start.addingTimeInterval(30 * 86400)
        let summer = TestClock.start.addingTimeInterval(150 * 86400)
        let first = try await h.run { tx in
            try tx.recordActivity(memberID: m1, name: " 植树活动 ", heldOn: spring, by: sec)
        }
        #expect(first.name == "植树活动")
        #expect(first.recordedBy == sec)
        #expect(first.createdAt == TestClock.start)
        let second = try await h.run { tx in try tx.recordActivity(memberID: m1, name: "义诊", heldOn: summer, by: sec) }
        let list = try await h.store.read { tx in try tx.activities(memberID: m1) }
        #expect(list == [second, first])
        #expect(try await h.store.read { tx in try tx.activities(memberID: m2) }.isEmpty)
        // Refused: a member booking, a blank name, an unknown member
        try await h.expectPageRefusal(BoardError.notAllowed(action: "record_activity", role: .member)) { tx in
            try tx.recordActivity(memberID: m1, name: "x", heldOn: spring, by: m2)
        }
        try await h.expectPageRefusal(BoardPageError.emptyActivityName) { tx in
            try tx.recordActivity(memberID: m1, name: "  ", heldOn: spring, by: sec)
        }
        try await h.expectPageRefusal(BoardError.noSuchMember("999")) { tx in
            try tx.recordActivity(memberID: 999, name: "x", heldOn: spring, by: sec)
        }
    }

    @Test("summaries: points per board, the year's tasks and activities, the duty")
    func summaries() async throws {
        // Given last year: Li Si completed a task and attended an activity (neither counts this year)
        let h = try await Harness.make()
        let (m1, m2, sec) = (h.member1.id!, h.member2.id!, h.secretary.id!)
        let yearStart = TestClock.start.addingTimeInterval(86400)
        let old = try await h.submitted(by: h.member2)
        _ = try await h.run { tx in
            _ = try tx.verify(itemID: old, by: sec, note: nil)
            return try tx.recordActivity(memberID: m2, name: "old", heldOn: TestClock.start, by: sec)
        }
        // And this year: Zhang San completed two tasks and attended one activity; Li Si one activity
        h.clock.advance(hours: 48)
        for _ in 0..<2 {
            let id = try await h.submitted(by: h.member1)
            _ = try await h.run { tx in try tx.verify(itemID: id, by: sec, note: nil) }
        }
        _ = try await h.run { tx in
            _ = try tx.recordActivity(memberID: m1, name: "a", heldOn: yearStart, by: sec)
            _ = try tx.recordActivity(memberID: m2, name: "b", heldOn: yearStart.addingTimeInterval(1), by: sec)
            _ = try tx.exchange(memberID: m1, cost: 3, by: sec)
            return try tx.approveRegistration(memberID: m2, by: sec)
        }
        // When the page is read
        let rows = try await h.store.read { tx in try tx.memberSummaries(yearStart: yearStart, grids: nil) }
        let byName = Dictionary(uniqueKeysWithValues: rows.map { ($0.member.name, $0) })
        // Then every member is there, by id
        #expect(
            rows.map(\.member.id)
                == [h.rider, h.rider2, h.member1, h.member2, h.secretary, h.gridA, h.gridB, h.resident].map(\.id))
        let zhang = try #require(byName["Zhang San"])
        #expect(zhang.balance.byBoard == [.reports: 0, .service: 10, .exchange: -3, .donation: 0])
        #expect(zhang.balance.total == 7)
        #expect([zhang.tasksCompleted, zhang.activities] == [2, 1] as [Int])
        #expect(zhang.hasDuty && zhang.dutyMet)
        #expect(zhang.pendingRegistration)
        let li = try #require(byName["Li Si"])
        #expect(li.balance.total == 5)
        #expect([li.tasksCompleted, li.activities] == [0, 1] as [Int])
        #expect(li.hasDuty && !li.dutyMet)
        #expect(!li.pendingRegistration)
        // The rider's points are all report points (three reports accepted and verified)
        let rider = try #require(byName["Rider One"])
        #expect(rider.balance.byBoard[.reports] == 9)
        #expect(!rider.hasDuty && !rider.dutyMet)
        #expect(byName["Secretary Wang"]?.hasDuty == false)
        // And a grid worker's page lists the members of the own grid only
        let gridA = try await h.store.read { tx in try tx.memberSummaries(yearStart: yearStart, grids: ["A"]) }
        #expect(gridA.map(\.member.id) == [h.rider.id, h.gridA.id, h.resident.id])
        #expect(gridA[0].balance.total == 9)
        #expect(try await h.store.read { tx in try tx.memberSummaries(yearStart: yearStart, grids: []) }.isEmpty)
    }
}
