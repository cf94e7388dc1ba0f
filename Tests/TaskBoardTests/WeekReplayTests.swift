import Foundation
import GRDB
import Testing

@testable import TaskBoard

/// A week of the community's life, replayed command by command, so the ledger's sums and the
/// leaderboard can be checked against totals worked out by hand.
@Suite("A week replayed")
struct WeekReplayTests {
    /// Runs the week and returns the harness, the pool member and the start of day 5.
    static func replayWeek() async throws -> (Harness, Member, Date) {
        let h = try await Harness.make()
        let (rider, rider2, resident) = (h.rider.id!, h.rider2.id!, h.resident.id!)
        let (m1, m2, sec, ga) = (h.member1.id!, h.member2.id!, h.secretary.id!, h.gridA.id!)
        let day: Double = 24
        func report(_ kind: ItemKind, _ reporter: Int64) async throws -> Int64 {
            try await h.run { tx in
                try tx.createItem(NewItem(kind: kind, location: Location(grid: "A"), text: "r", reporterID: reporter))
                    .item.id!
            }
        }
        // Day 1: three reports (+1 each) and a wish (0); two claims
        h.clock.advance(hours: 9)
        let i1 = try await report(.issue, rider)
        let i2 = try await report(.issue, rider)
        let i3 = try await report(.issue, rider2)
        let w1 = try await report(.wish, resident)
        _ = try await h.run { tx in
            _ = try tx.claim(itemID: i1, by: m1)
            return try tx.claim(itemID: w1, by: m2)
        }
        // Day 2: i1 done and verified (rider +2, m1 +5); a duplicate of i3 (+1, then -1)
        h.clock.advance(hours: day)
        _ = try await h.run { tx in
            _ = try tx.submit(itemID: i1, by: m1, note: nil, photoURLs: ["p"])
            return try tx.verify(itemID: i1, by: sec, note: nil)
        }
        let i4 = try await report(.issue, rider2)
        _ = try await h.run { tx in try tx.merge(itemID: i4, into: i3, by: sec) }
        // Day 3: the wish is fulfilled (m2 +5); a prank report (+1, then -1)
        h.clock.advance(hours: day)
        _ = try await h.run { tx in
            _ = try tx.submit(itemID: w1, by: m2, note: nil, photoURLs: [])
            return try tx.verify(itemID: w1, by: ga, note: nil)
        }
        let i5 = try await report(.issue, rider)
        _ = try await h.run { tx in try tx.cancel(itemID: i5, by: sec, reason: "prank", invalid: true) }
        // Day 4: i2 escalated and resolved (rider +2); a suggestion (+1)
        h.clock.advance(hours: day)
        _ = try await h.run { tx in
            _ = try tx.escalate(itemID: i2, by: sec, to: "street office")
            return try tx.resolve(itemID: i2, by: sec, note: nil)
        }
        let s1 = try await report(.suggestion, rider2)
        // Day 5: i3 claimed, returned once, then verified (rider2 +2, m1 +5)
        h.clock.advance(hours: day)
        let day5 = h.clock.now()
        _ = try await h.run { tx in
            _ = try tx.claim(itemID: i3, by: m1)
            _ = try tx.submit(itemID: i3, by: m1, note: nil, photoURLs: [])
            _ = try tx.returnItem(itemID: i3, by: ga, reason: "not yet")
            _ = try tx.submit(itemID: i3, by: m1, note: nil, photoURLs: [])
            return try tx.verify(itemID: i3, by: sec, note: nil)
        }
        // Day 6: the other grid's worker takes the suggestion, volunteering outside the own grid
        // (rider2 +2, gridB +5; in the own grid it would be the job, unpaid)
        h.clock.advance(hours: day)
        let gb = h.gridB.id!
        _ = try await h.run { tx in
            _ = try tx.claim(itemID: s1, by: gb)
            _ = try tx.submit(itemID: s1, by: gb, note: nil, photoURLs: [])
            return try tx.verify(itemID: s1, by: sec, note: nil)
        }
        // Day 7: m1 exchanges 3 and donates 2 to the pool
        h.clock.advance(hours: day)
        let pool = try await h.run { tx in
            try tx.upsertMember(platformID: "pool", name: "Pool", role: .resident, grid: nil)
        }
        let poolID = pool.id!
        _ = try await h.run { tx in
            _ = try tx.exchange(memberID: m1, cost: 3, by: sec)
            return try tx.donate(memberID: m1, amount: 2, toPool: poolID)
        }
        return (h, pool, day5)
    }

    @Test("every member's ledger sum equals the week's expected total")
    func ledgerSums() async throws {
        // Given the week replayed
        let (h, pool, _) = try await Self.replayWeek()
        // Then each balance is what the rules pay
        let expected: [(Member, [PointsBoard: Int], Int)] = [
            (h.rider, [.reports: 6], 6),
            (h.rider2, [.reports: 6], 6),
            (h.member1, [.service: 10, .exchange: -3, .donation: -2], 5),
            (h.member2, [.service: 5], 5),
            (h.gridB, [.service: 5], 5),
            (h.resident, [:], 0),
            (h.secretary, [:], 0),
            (h.gridA, [:], 0),
            (pool, [.donation: 2], 2),
        ]
        for (member, boards, total) in expected {
            let balance = try await h.balance(member)
            var full = Dictionary(uniqueKeysWithValues: PointsBoard.allCases.map { ($0, 0) })
            full.merge(boards) { $1 }
            #expect(balance == Balance(byBoard: full, total: total), "\(member.name)")
        }
        // And the ledger as a whole sums to the same
        let sum = try await h.db.read { db in try Int.fetchOne(db, sql: "SELECT SUM(delta) FROM ledger") }
        #expect(sum == 29)
        // And nothing is left to do
        #expect(try await h.store.read { tx in try tx.openItems(grid: nil, limit: 50) }.isEmpty)
        let counts = try await h.store.read { tx in try tx.statusCounts(since: nil) }
        #expect(counts[.closed] == 5)
        #expect(counts[.merged] == 1)
        #expect(counts[.cancelled] == 1)
        #expect(counts[.open] == 0)
    }

    @Test("the leaderboard ranks net earnings, ties by member id, within the period")
    func leaderboard() async throws {
        // Given the week replayed
        let (h, _, day5) = try await Self.replayWeek()
        // When the whole week is ranked
        let week = try await h.store.read { tx in try tx.leaderboard(since: TestClock.start, limit: 10) }
        // Then spending does not lower earnings, and equal points keep member id order
        #expect(week.map(\.member.name) == ["Zhang San", "Rider One", "Rider Two", "Li Si", "Grid Worker B"])
        #expect(week.map(\.points) == [10, 6, 6, 5, 5])
        // When only days 5 and 6 count, Then only their earnings rank
        let late = try await h.store.read { tx in try tx.leaderboard(since: day5, limit: 10) }
        #expect(late.map(\.member.name) == ["Zhang San", "Grid Worker B", "Rider Two"])
        #expect(late.map(\.points) == [5, 5, 4])
        // When only reports count, or the list is cut
        let reports = try await h.store.read { tx in try tx.leaderboard(since: nil, boards: [.reports], limit: 10) }
        #expect(reports.map(\.points) == [6, 6])
        #expect(reports.map(\.member.id) == [h.rider.id, h.rider2.id])
        let top = try await h.store.read { tx in try tx.leaderboard(since: nil, limit: 1) }
        #expect(top.map(\.member) == [h.member1])
        // And a period after the week is empty
        h.clock.advance(hours: 1)
        let later = h.clock.now()
        #expect(try await h.store.read { tx in try tx.leaderboard(since: later, limit: 10) }.isEmpty)
    }

    @Test("a member whose only report was a duplicate is not on the leaderboard")
    func duplicateNotRanked() async throws {
        // Given a report and its duplicate, merged; Then only the original's reporter ranks
        let h = try await Harness.make()
        let original = try await h.report(by: h.rider)
        let duplicate = try await h.report(by: h.rider2)
        let sec = h.secretary.id!
        _ = try await h.run { tx in try tx.merge(itemID: duplicate, into: original, by: sec) }
        let rows = try await h.store.read { tx in try tx.leaderboard(since: nil, limit: 10) }
        #expect(rows == [LeaderRow(member: h.rider, points: 1)])
    }
}
