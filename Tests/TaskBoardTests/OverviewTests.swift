import Foundation
import Testing

@testable import TaskBoard

/// The board's front page, counted on a week built by hand.
@Suite("Overview")
struct OverviewTests {
    /// A week starting Monday `TestClock.start`, now 10 hours in:
    /// - last week (72 h before): p1 (A, manhole), claimed by Zhang San, closed this week at +2 h
    ///   (74 h after its report); p2 (B, bin), still open and overdue.
    /// - at +1 h, seven reports: w1 (A, manhole) verified at +5 h (4 h); w2 (A, manhole) submitted;
    ///   w3 (B, bin) escalated and resolved at +9 h (8 h); w4 (no grid, no category) open;
    ///   w5 (A, bin) cancelled at +10 h; w6 (B, bin) escalated; w7 (A, manhole) claimed.
    static func week() async throws -> Harness {
        let h = try await Harness.make()
        let (m1, m2, sec) = (h.member1.id!, h.member2.id!, h.secretary.id!)
        let start = TestClock.start
        func at(_ hours: Double) { h.clock.set(start.addingTimeInterval(hours * 3600)) }

        at(-72)
        let p1 = try await h.file(by: h.rider, category: "manhole", grid: "A")
        _ = try await h.file(by: h.rider2, category: "bin", grid: "B")
        _ = try await h.run { tx in try tx.claim(itemID: p1, by: m1) }

        at(1)
        let w1 = try await h.file(by: h.rider, category: "manhole", grid: "A")
        let w2 = try await h.file(by: h.rider, category: "manhole", grid: "A")
        let w3 = try await h.file(by: h.rider2, category: "bin", grid: "B")
        _ = try await h.file(by: h.rider, category: nil, grid: nil)
        let w5 = try await h.file(by: h.rider, category: "bin", grid: "A")
        let w6 = try await h.file(by: h.rider2, category: "bin", grid: "B")
        let w7 = try await h.file(by: h.rider, category: "manhole", grid: "A")
        _ = try await h.run { tx in
            _ = try tx.claim(itemID: w1, by: m1)
            _ = try tx.submit(itemID: w1, by: m1, note: nil, photoURLs: [])
            _ = try tx.claim(itemID: w2, by: m2)
            _ = try tx.submit(itemID: w2, by: m2, note: nil, photoURLs: [])
            _ = try tx.escalate(itemID: w6, by: sec, to: "street office")
            return try tx.claim(itemID: w7, by: m1)
        }
        at(2)
        _ = try await h.run { tx in
            _ = try tx.submit(itemID: p1, by: m1, note: nil, photoURLs: [])
            return try tx.verify(itemID: p1, by: sec, note: nil)
        }
        at(5)
        _ = try await h.run { tx in try tx.verify(itemID: w1, by: sec, note: nil) }
        at(9)
        _ = try await h.run { tx in
            _ = try tx.escalate(itemID: w3, by: sec, to: "street office")
            return try tx.resolve(itemID: w3, by: sec, note: nil)
        }
        at(10)
        _ = try await h.run { tx in try tx.cancel(itemID: w5, by: sec, reason: nil, invalid: false) }
        return h
    }

    /// Seconds in `count` hours, as the overview reports durations.
    static func hours(_ count: Double) -> Double? {
        count * 3600
    }

    /// Open, claimed, submitted, escalated and overdue, in that order.
    static func now(_ overview: BoardOverview) -> [Int] {
        [overview.open, overview.claimed, overview.submitted, overview.escalated, overview.overdue]
    }

    @Test("the community's week, number by number")
    func community() async throws {
        let h = try await Self.week()
        let overview = try await h.store.read { tx in try tx.overview(weekStart: TestClock.start, grids: nil) }
        // Now: p2 and w4 open, w7 claimed, w2 submitted, w6 escalated; only p2 is past its deadline
        #expect(overview.weekStart == TestClock.start)
        #expect(Self.now(overview) == [2, 1, 1, 1, 1])
        // The week: seven reported, of which w1 and w3 are closed now; p1, w1 and w3 closed (not the
        // cancelled w5), taking 74 h, 4 h and 8 h: the median is 8 h
        #expect(overview.reportedThisWeek == 7)
        #expect(overview.reportedThisWeekClosed == 2)
        #expect(overview.resolutionRate == 2.0 / 7.0)
        #expect(overview.closedThisWeek == 3)
        #expect(overview.medianSecondsToClose == Self.hours(8))
        // Ties by name, the unclassified and unlocated last
        #expect(
            overview.categories == [
                CountRow(label: "bin", count: 3), CountRow(label: "manhole", count: 3), CountRow(label: nil, count: 1),
            ])
        #expect(
            overview.grids == [
                CountRow(label: "A", count: 4), CountRow(label: "B", count: 2), CountRow(label: nil, count: 1),
            ])
        // Zhang San earned 5 for p1 and 5 for w1; Rider One 5 reports + 2 + 2 = 9
        #expect(overview.champion == LeaderRow(member: h.member1, points: 10))
    }

    @Test("a grid worker's view counts only the own grid, with an even median")
    func grid() async throws {
        let h = try await Self.week()
        let a = try await h.store.read { tx in try tx.overview(weekStart: TestClock.start, grids: ["A"]) }
        #expect(Self.now(a) == [0, 1, 1, 0, 0])
        #expect(a.reportedThisWeek == 4)
        #expect(a.reportedThisWeekClosed == 1)
        #expect(a.resolutionRate == 0.25)
        // p1 (74 h) and w1 (4 h): the mean of the middle two
        #expect(a.closedThisWeek == 2)
        #expect(a.medianSecondsToClose == Self.hours(39))
        #expect(a.categories == [CountRow(label: "manhole", count: 3), CountRow(label: "bin", count: 1)])
        #expect(a.grids == [CountRow(label: "A", count: 4)])
        // Points on grid A's items: Zhang San 10, Rider One 4 reports + 2 + 2 = 8
        #expect(a.champion == LeaderRow(member: h.member1, points: 10))

        let b = try await h.store.read { tx in try tx.overview(weekStart: TestClock.start, grids: ["B"]) }
        #expect(Self.now(b) == [1, 0, 0, 1, 1])
        #expect([b.reportedThisWeek, b.reportedThisWeekClosed, b.closedThisWeek] == [2, 1, 1] as [Int])
        #expect(b.medianSecondsToClose == Self.hours(8))
        #expect(b.champion == LeaderRow(member: h.rider2, points: 4))
        // Both grids together are not the whole community: w4 has no grid
        let both = try await h.store.read { tx in try tx.overview(weekStart: TestClock.start, grids: ["A", "B"]) }
        #expect(both.reportedThisWeek == 6)
    }

    @Test("an empty week has no rate, no median and no champion")
    func emptyWeek() async throws {
        let h = try await Self.week()
        let later = TestClock.start.addingTimeInterval(11 * 3600)
        let overview = try await h.store.read { tx in try tx.overview(weekStart: later, grids: nil) }
        #expect(overview.reportedThisWeek == 0)
        #expect(overview.resolutionRate == nil)
        #expect(overview.closedThisWeek == 0)
        #expect(overview.medianSecondsToClose == nil)
        #expect(overview.categories.isEmpty)
        #expect(overview.champion == nil)
        // And the counts of now do not depend on the week
        #expect(overview.open == 2)
        // A grid worker without a grid sees nothing at all
        let none = try await h.store.read { tx in try tx.overview(weekStart: TestClock.start, grids: []) }
        #expect(Self.now(none) == [0, 0, 0, 0, 0])
        #expect(none.reportedThisWeek == 0)
        #expect(none.champion == nil)
    }

    @Test("the median of one and of four closings")
    func medians() async throws {
        // Given items closed 1 h, 2 h, 4 h and 8 h after their reports
        let h = try await Harness.make()
        let sec = h.secretary.id!
        var closedAfter: [Double] = []
        for hours in [8.0, 1, 4, 2] {
            h.clock.set(TestClock.start)
            let id = try await h.file(by: h.rider)
            h.clock.set(TestClock.start.addingTimeInterval(hours * 3600))
            _ = try await h.run { tx in
                _ = try tx.escalate(itemID: id, by: sec, to: nil)
                return try tx.resolve(itemID: id, by: sec, note: nil)
            }
            closedAfter.append(hours)
            let median = try await h.store.read { tx in
                try tx.overview(weekStart: TestClock.start, grids: nil).medianSecondsToClose
            }
            // Then one closing is its own median, and four take the mean of the middle two (2 h, 4 h)
            switch closedAfter.count {
            case 1: #expect(median == Self.hours(8))
            case 2: #expect(median == Self.hours(4.5))
            case 3: #expect(median == Self.hours(4))
            default: #expect(median == Self.hours(3))
            }
        }
    }
}
