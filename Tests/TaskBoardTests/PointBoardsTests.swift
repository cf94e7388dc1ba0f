import Foundation
import GRDB
import Testing

@testable import TaskBoard

/// Issue 13 item 6 in the rules: staff earn no volunteer points for their own job, amounts by
/// category, the week's champion with what they did, and the 信用银行 pool.
@Suite("Point boards")
struct PointBoardsTests {
    private func verified(_ h: Harness, claimant: Member, grid: String = "A", verifier: Member) async throws -> Outcome
    {
        let id = try await h.submitted(by: claimant, grid: grid)
        let verifierID = verifier.id!
        return try await h.run { tx in try tx.verify(itemID: id, by: verifierID, note: nil) }
    }

    @Test("a grid worker's work in the own grid and the secretary's earn no service points by default")
    func staffDoingTheirJobEarnNothing() async throws {
        // Given the default rules
        let h = try await Harness.make()
        // When the grid worker of A does an item of A, and the secretary one too
        let own = try await verified(h, claimant: h.gridA, verifier: h.secretary)
        let secretarys = try await verified(h, claimant: h.secretary, verifier: h.gridA)
        // Then only the reporter is paid
        #expect(own.awards.map(\.reason) == [.reportVerified])
        #expect(secretarys.awards.map(\.reason) == [.reportVerified])
        #expect(try await h.balance(h.gridA).total == 0)
        #expect(try await h.balance(h.secretary).total == 0)
        // But a grid worker helping in another grid volunteers, and is paid
        let elsewhere = try await verified(h, claimant: h.gridB, verifier: h.gridA)
        #expect(
            elsewhere.awards.last
                == Award(
                    memberID: h.gridB.id!, memberName: "Grid Worker B", board: .service, delta: 5, reason: .taskVerified
                ))
    }

    @Test("staff_earn pays the staff like anyone")
    func staffEarnWhenConfigured() async throws {
        let h = try await Harness.make(rules: PointRules(staffEarn: true))
        let outcome = try await verified(h, claimant: h.gridA, verifier: h.secretary)
        #expect(outcome.awards.last?.delta == 5)
        #expect(try await h.balance(h.gridA).byBoard[.service] == 5)
    }

    @Test("a category's own amounts replace the defaults for its items only")
    func amountsByCategory() async throws {
        // Given manholes worth 3 on acceptance and 8 for the work
        let h = try await Harness.make(
            rules: PointRules(byCategory: ["manhole": CategoryPoints(reportAccepted: 3, taskVerified: 8)]))
        let (riderID, m1, sec) = (h.rider.id!, h.member1.id!, h.secretary.id!)
        // When a manhole and a streetlight are reported
        let manhole = try await h.run { tx in
            try tx.createItem(NewItem(kind: .issue, category: "manhole", text: "cover broken", reporterID: riderID))
        }
        let light = try await h.run { tx in
            try tx.createItem(NewItem(kind: .issue, category: "streetlight", text: "dark", reporterID: riderID))
        }
        // Then the manhole pays 3, the light the default 1
        #expect(manhole.awards.map(\.delta) == [3])
        #expect(light.awards.map(\.delta) == [1])
        // And its verification pays the default 2 to the reporter and 8 to the claimant
        let id = manhole.item.id!
        let outcome = try await h.run { tx in
            _ = try tx.claim(itemID: id, by: m1)
            _ = try tx.submit(itemID: id, by: m1, note: nil, photoURLs: [])
            return try tx.verify(itemID: id, by: sec, note: nil)
        }
        #expect(outcome.awards.map(\.delta) == [2, 8])
        // And a merge reverses what was paid, 3
        let dup = try await h.run { tx in
            try tx.createItem(NewItem(kind: .issue, category: "manhole", text: "cover again", reporterID: riderID))
        }
        let dupID = dup.item.id!
        let merged = try await h.run { tx in try tx.merge(itemID: dupID, into: light.item.id!, by: sec) }
        #expect(merged.awards.map(\.delta) == [-3])
    }

    @Test("the week's champion of each board comes with what they did")
    func championsWithTheirContribution() async throws {
        // Given a rider's two issues and a suggestion, one more issue merged as a duplicate, and a
        // member's verified task, all this week
        let h = try await Harness.make()
        let weekStart = h.clock.now()
        let first = try await h.submitted(by: h.member1)
        _ = try await h.report(by: h.rider)
        _ = try await h.report(.suggestion, by: h.rider)
        let dup = try await h.report(by: h.rider)
        let sec = h.secretary.id!
        _ = try await h.run { tx in
            _ = try tx.merge(itemID: dup, into: first, by: sec)
            return try tx.verify(itemID: first, by: sec, note: nil)
        }
        h.clock.advance(hours: 1)
        let end = h.clock.now()
        // When the week is reviewed
        let report = try await h.store.read { tx in try tx.weekReport(from: weekStart, to: end) }
        // Then the 社情民意 champion is the rider with 2 issues and 1 suggestion, the 志愿服务 one the member with 1 task
        #expect(report.reportsChampion?.member.id == h.rider.id)
        #expect(report.reportsChampion?.contribution == Contribution(issues: 2, suggestions: 1))
        #expect(report.serviceChampion?.member.id == h.member1.id)
        #expect(report.serviceChampion?.contribution == Contribution(tasks: 1))
        // And nothing is counted outside the period
        let riderID = h.rider.id!
        let later = try await h.store.read { tx in
            try tx.contribution(memberID: riderID, since: end, until: end.addingTimeInterval(3600))
        }
        #expect(later == Contribution())
    }

    @Test("a donation moves points to the 信用银行, created on first use; too much is refused and writes nothing")
    func creditBank() async throws {
        // Given a rider with 1 point and nothing given yet
        let h = try await Harness.make()
        _ = try await h.report(by: h.rider)
        let riderID = h.rider.id!
        #expect(try await h.store.read { tx in try tx.creditBankBalance() } == 0)
        // When they give more than they have: refused, and no pool row appears
        try await h.expectRefusal(.insufficientBalance(balance: 1, cost: 5)) { tx in
            try tx.donateToCreditBank(memberID: riderID, amount: 5, poolName: "信用银行")
        }
        #expect(try await h.store.read { tx in try tx.member(platformID: BoardTransaction.creditBankID) } == nil)
        // When they give 1, twice the pool is the same row
        _ = try await h.run { tx in try tx.donateToCreditBank(memberID: riderID, amount: 1, poolName: "信用银行") }
        #expect(try await h.store.read { tx in try tx.creditBankBalance() } == 1)
        #expect(try await h.balance(h.rider).total == 0)
        let pool = try await h.store.read { tx in try tx.member(platformID: BoardTransaction.creditBankID) }
        #expect(pool?.name == "信用银行")
        // And the pool is on no earning board's leaderboard
        let rows = try await h.store.read { tx in try tx.leaderboard(since: nil, limit: 10) }
        #expect(!rows.contains { $0.member.platformID == BoardTransaction.creditBankID })
    }

    @Test("only the secretary books an exchange or an adjustment")
    func ledgerActionsAreTheSecretarys() async throws {
        let h = try await Harness.make()
        let (m1, ga, riderID) = (h.member1.id!, h.gridA.id!, h.rider.id!)
        try await h.expectRefusal(.notAllowed(action: "exchange", role: .gridWorker)) { tx in
            try tx.requireSecretary(ga, for: .exchange)
        }
        try await h.expectRefusal(.notAllowed(action: "exchange", role: .member)) { tx in
            try tx.exchange(memberID: riderID, cost: 1, by: m1)
        }
        try await h.expectRefusal(.notAllowed(action: "adjust", role: .member)) { tx in
            try tx.adjust(memberID: riderID, board: .reports, delta: 1, itemID: nil, by: m1)
        }
    }
}
