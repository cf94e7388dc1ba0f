import Foundation
import GRDB
import Testing

@testable import TaskBoard

@Suite("Points")
struct PointsTests {
    @Test("the full loop pays +1 on report, then +2 to the reporter and +5 to the claimant on verify")
    func fullLoop() async throws {
        // Given a rider's report
        let h = try await Harness.make()
        let (riderID, m1, sec) = (h.rider.id!, h.member1.id!, h.secretary.id!)
        let created = try await h.run { tx in
            try tx.createItem(
                NewItem(kind: .issue, location: Location(grid: "A"), text: "bin broken", reporterID: riderID))
        }
        let id = created.item.id!
        #expect(
            created.awards == [
                Award(memberID: riderID, memberName: "Rider One", board: .reports, delta: 1, reason: .reportAccepted)
            ])
        // When a member claims and submits it, Then nobody is paid yet
        _ = try await h.run { tx in
            _ = try tx.claim(itemID: id, by: m1)
            return try tx.submit(itemID: id, by: m1, note: nil, photoURLs: [])
        }
        #expect(try await h.ledgerCount() == 1)
        // When the secretary verifies it
        let verified = try await h.run { tx in try tx.verify(itemID: id, by: sec, note: nil) }
        // Then the reporter gets +2 on reports and the claimant +5 on service
        #expect(
            verified.awards == [
                Award(memberID: riderID, memberName: "Rider One", board: .reports, delta: 2, reason: .reportVerified),
                Award(memberID: m1, memberName: "Zhang San", board: .service, delta: 5, reason: .taskVerified),
            ])
        let riderBalance = try await h.balance(h.rider)
        #expect(riderBalance.byBoard == [.reports: 3, .service: 0, .exchange: 0, .donation: 0])
        #expect(riderBalance.total == 3)
        let memberBalance = try await h.balance(h.member1)
        #expect(memberBalance.byBoard[.service] == 5)
        #expect(memberBalance.total == 5)
        #expect(try await h.balance(h.secretary).total == 0)
        // And the ledger explains it, newest first
        let lines = try await h.store.read { tx in try tx.ledger(memberID: riderID, limit: 10) }
        #expect(lines.map(\.reason) == [.reportVerified, .reportAccepted])
        #expect(lines.allSatisfy { $0.itemID == id })
    }

    @Test("a wish pays only the claimant")
    func wishLoop() async throws {
        // Given a resident's wish done by a member
        let h = try await Harness.make()
        let id = try await h.report(.wish, by: h.resident)
        let (m2, ga) = (h.member2.id!, h.gridA.id!)
        _ = try await h.run { tx in
            _ = try tx.claim(itemID: id, by: m2)
            return try tx.submit(itemID: id, by: m2, note: nil, photoURLs: [])
        }
        // When the grid worker verifies it
        let outcome = try await h.run { tx in try tx.verify(itemID: id, by: ga, note: nil) }
        // Then only the member earns, +5 on service
        #expect(
            outcome.awards == [
                Award(memberID: m2, memberName: "Li Si", board: .service, delta: 5, reason: .taskVerified)
            ])
        #expect(try await h.balance(h.resident).total == 0)
    }

    @Test("resolving an escalated report pays the reporter +2 and nobody else")
    func resolvePays() async throws {
        // Given a claimed report escalated to a department; When it is resolved; Then only the reporter earns
        let h = try await Harness.make()
        let id = try await h.report(by: h.rider)
        let (m1, sec) = (h.member1.id!, h.secretary.id!)
        _ = try await h.run { tx in
            _ = try tx.claim(itemID: id, by: m1)
            return try tx.escalate(itemID: id, by: sec, to: "water company")
        }
        let outcome = try await h.run { tx in try tx.resolve(itemID: id, by: sec, note: nil) }
        #expect(outcome.awards.map(\.delta) == [2])
        #expect(outcome.awards.map(\.memberID) == [h.rider.id!])
        #expect(try await h.balance(h.rider).total == 3)
        #expect(try await h.balance(h.member1).total == 0)
    }

    @Test("a merged duplicate earns +0: its +1 is reversed with a duplicate entry")
    func mergeReversal() async throws {
        // Given two reports of the same manhole
        let h = try await Harness.make()
        let original = try await h.report(by: h.rider)
        let duplicate = try await h.report(by: h.rider2)
        let sec = h.secretary.id!
        #expect(try await h.balance(h.rider2).total == 1)
        // When the second is merged into the first
        let outcome = try await h.run { tx in try tx.merge(itemID: duplicate, into: original, by: sec) }
        // Then its reporter's +1 is taken back
        #expect(
            outcome.awards == [
                Award(memberID: h.rider2.id!, memberName: "Rider Two", board: .reports, delta: -1, reason: .duplicate)
            ])
        #expect(try await h.balance(h.rider2).total == 0)
        #expect(try await h.balance(h.rider).total == 1)
    }

    @Test("merging a wish books nothing, since its poster earned nothing")
    func mergeWish() async throws {
        // Given two identical wishes; When one is merged; Then the ledger stays empty
        let h = try await Harness.make()
        let original = try await h.report(.wish, by: h.resident)
        let duplicate = try await h.report(.wish, by: h.resident)
        let sec = h.secretary.id!
        let outcome = try await h.run { tx in try tx.merge(itemID: duplicate, into: original, by: sec) }
        #expect(outcome.awards.isEmpty)
        #expect(try await h.ledgerCount() == 0)
    }

    @Test("the reversal takes back what was paid, even after the rules changed")
    func mergeAfterRuleChange() async throws {
        // Given a report accepted at +3 under earlier rules, in a shared database
        let clock = TestClock()
        let db = try DatabaseQueue()
        let before = try BoardStore(writer: db, rules: PointRules(reportAccepted: 3), clock: clock.now)
        let (riderID, secID) = try await before.write { tx in
            (
                try tx.upsertMember(platformID: "r", name: "R", role: .rider, grid: nil).id!,
                try tx.upsertMember(platformID: "s", name: "S", role: .secretary, grid: nil).id!
            )
        }
        let original = try await before.write { tx in
            try tx.createItem(NewItem(kind: .issue, text: "a", reporterID: riderID)).item.id!
        }
        let duplicate = try await before.write { tx in
            try tx.createItem(NewItem(kind: .issue, text: "b", reporterID: riderID)).item.id!
        }
        // When the rules are now +1 and the duplicate is merged
        let after = try BoardStore(writer: db, rules: PointRules(reportAccepted: 1), clock: clock.now)
        let outcome = try await after.write { tx in try tx.merge(itemID: duplicate, into: original, by: secID) }
        // Then the 3 paid are reversed
        #expect(outcome.awards.map(\.delta) == [-3])
        #expect(try await after.read { tx in try tx.balance(memberID: riderID).total } == 3)
    }

    @Test("cancelling a report as invalid books -1 against the reporter; a plain cancel books nothing")
    func invalidCancel() async throws {
        // Given two reports, +1 each
        let h = try await Harness.make()
        let sec = h.secretary.id!
        let invalid = try await h.report(by: h.rider)
        let withdrawn = try await h.report(by: h.rider2)
        // When one is cancelled as invalid and the other plainly
        let first = try await h.run { tx in try tx.cancel(itemID: invalid, by: sec, reason: "prank", invalid: true) }
        let second = try await h.run { tx in try tx.cancel(itemID: withdrawn, by: sec, reason: nil, invalid: false) }
        // Then the invalid report nets 0 and the plain one keeps its +1
        #expect(
            first.awards == [
                Award(
                    memberID: h.rider.id!, memberName: "Rider One", board: .reports, delta: -1, reason: .reportInvalid)
            ])
        #expect(second.awards.isEmpty)
        #expect(try await h.balance(h.rider).total == 0)
        #expect(try await h.balance(h.rider2).total == 1)
    }

    @Test("configured amounts apply, and a zero amount books nothing")
    func customRules() async throws {
        // Given rules with no acceptance points and larger verification points
        let h = try await Harness.make(rules: PointRules(reportAccepted: 0, reportVerified: 4, taskVerified: 7))
        let sec = h.secretary.id!
        // When a report is filed, Then nothing is booked
        let id = try await h.submitted(by: h.member1)
        #expect(try await h.ledgerCount() == 0)
        // When it is verified, Then the configured amounts are paid
        let outcome = try await h.run { tx in try tx.verify(itemID: id, by: sec, note: nil) }
        #expect(outcome.awards.map(\.delta) == [4, 7])
        #expect(try await h.store.read { tx in tx.rules.taskVerified } == 7)
    }

    @Test("exchange spends points but never below zero; only the secretary books it")
    func exchange() async throws {
        // Given a member with 5 service points
        let h = try await Harness.make()
        let id = try await h.submitted(by: h.member1)
        let (m1, m2, sec) = (h.member1.id!, h.member2.id!, h.secretary.id!)
        _ = try await h.run { tx in try tx.verify(itemID: id, by: sec, note: nil) }
        // When 6 are asked for, Then it is refused and nothing is written
        try await h.expectRefusal(.insufficientBalance(balance: 5, cost: 6)) { tx in
            try tx.exchange(memberID: m1, cost: 6, by: sec)
        }
        try await h.expectRefusal(.notAllowed(action: "exchange", role: .member)) { tx in
            try tx.exchange(memberID: m1, cost: 1, by: m2)
        }
        // When 5 are spent, Then the balance is zero
        let award = try await h.run { tx in try tx.exchange(memberID: m1, cost: 5, by: sec) }
        #expect(award == Award(memberID: m1, memberName: "Zhang San", board: .exchange, delta: -5, reason: .exchange))
        #expect(
            try await h.balance(h.member1)
                == Balance(byBoard: [.reports: 0, .service: 5, .exchange: -5, .donation: 0], total: 0))
        await #expect(throws: StoreError.invalidAmount(0)) {
            try await h.run { tx in try tx.exchange(memberID: m1, cost: 0, by: sec) }
        }
    }

    @Test("a donation moves points to the pool in one write")
    func donation() async throws {
        // Given a member with 5 points and a pool member; When 2 are donated; Then debit and credit match
        let h = try await Harness.make()
        let id = try await h.submitted(by: h.member1)
        let (m1, sec) = (h.member1.id!, h.secretary.id!)
        _ = try await h.run { tx in try tx.verify(itemID: id, by: sec, note: nil) }
        let pool = try await h.run { tx in
            try tx.upsertMember(platformID: "pool", name: "Credit Bank", role: .resident, grid: nil)
        }
        let poolID = pool.id!
        let awards = try await h.run { tx in try tx.donate(memberID: m1, amount: 2, toPool: poolID) }
        #expect(awards.map(\.delta) == [-2, 2])
        #expect(try await h.balance(h.member1).total == 3)
        #expect(try await h.balance(pool).byBoard[.donation] == 2)
        try await h.expectRefusal(.insufficientBalance(balance: 3, cost: 4)) { tx in
            try tx.donate(memberID: m1, amount: 4, toPool: poolID)
        }
    }

    @Test("a secretary's adjustment is a new entry")
    func adjustment() async throws {
        // Given a rider; When the secretary adds 3 service points; Then they count, and a member may not do it
        let h = try await Harness.make()
        let (rider, m1, sec) = (h.rider.id!, h.member1.id!, h.secretary.id!)
        let award = try await h.run { tx in
            try tx.adjust(memberID: rider, board: .service, delta: 3, itemID: nil, by: sec)
        }
        #expect(award.reason == .adjustment)
        #expect(try await h.balance(h.rider).byBoard[.service] == 3)
        try await h.expectRefusal(.notAllowed(action: "adjust", role: .member)) { tx in
            try tx.adjust(memberID: rider, board: .service, delta: 3, itemID: nil, by: m1)
        }
    }
}
