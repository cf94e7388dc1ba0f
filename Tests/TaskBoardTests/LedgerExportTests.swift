import Foundation
import Testing

@testable import TaskBoard

/// The ledger as the board pages and exports it.
@Suite("Ledger export")
struct LedgerExportTests {
    @Test("the export walks entries in booking order, with their members, within the period")
    func export() async throws {
        // Given a report on day 1, its verification on day 2 and an exchange on day 3
        let h = try await Harness.make()
        let sec = h.secretary.id!
        let id = try await h.submitted(by: h.member1)
        h.clock.advance(hours: 24)
        _ = try await h.run { tx in try tx.verify(itemID: id, by: sec, note: nil) }
        h.clock.advance(hours: 24)
        let m1 = h.member1.id!
        _ = try await h.run { tx in try tx.exchange(memberID: m1, cost: 2, by: sec) }
        // When the whole ledger is exported
        let lines = try await h.store.read { tx in
            var lines: [(LedgerEntry, Member)] = []
            try tx.forEachLedgerEntry(since: nil, until: nil) { entry, member in lines.append((entry, member)) }
            return lines.map { ($0.0.id!, $0.0.reason, $0.1.name) }.map { "\($0.0) \($0.1.rawValue) \($0.2)" }
        }
        // Then every entry comes once, in id order, named
        #expect(
            lines == [
                "1 report_accepted Rider One", "2 report_verified Rider One", "3 task_verified Zhang San",
                "4 exchange Zhang San",
            ])
        // And a period keeps what was booked in [since, until)
        let day2 = TestClock.start.addingTimeInterval(24 * 3600)
        let day3 = TestClock.start.addingTimeInterval(48 * 3600)
        let window = try await h.store.read { tx in
            var ids: [Int64] = []
            try tx.forEachLedgerEntry(since: day2, until: day3) { entry, _ in ids.append(entry.id!) }
            return ids
        }
        #expect(window == [2, 3])
        let fromDay3 = try await h.store.read { tx in
            var ids: [Int64] = []
            try tx.forEachLedgerEntry(since: day3, until: nil) { entry, _ in ids.append(entry.id!) }
            return ids
        }
        #expect(fromDay3 == [4])
    }

    @Test("ledger pages are newest first, for one member or all, with the total")
    func pages() async throws {
        let h = try await Harness.make()
        let sec = h.secretary.id!
        let id = try await h.submitted(by: h.member1)
        _ = try await h.run { tx in try tx.verify(itemID: id, by: sec, note: nil) }
        _ = try await h.report(by: h.rider)
        let rider = h.rider.id!
        let all = try await h.store.read { tx in try tx.ledgerPage(memberID: nil, limit: 2, offset: 0) }
        #expect(all.entries.map(\.id) == [4, 3])
        #expect(all.total == 4)
        let riders = try await h.store.read { tx in try tx.ledgerPage(memberID: rider, limit: 10, offset: 1) }
        #expect(riders.entries.map(\.id) == [2, 1])
        #expect(riders.total == 3)
    }
}
