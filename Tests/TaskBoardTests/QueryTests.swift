import Foundation
import Testing

@testable import TaskBoard

@Suite("Board queries")
struct QueryTests {
    @Test("items lists newest first, filtered by status, a page at a time")
    func itemsPaging() async throws {
        // Given five items an hour apart, the second claimed
        let h = try await Harness.make()
        var ids: [Int64] = []
        for _ in 0..<5 {
            ids.append(try await h.report(by: h.rider))
            h.clock.advance(hours: 1)
        }
        let (second, m1) = (ids[1], h.member1.id!)
        _ = try await h.run { tx in try tx.claim(itemID: second, by: m1) }
        // Then the list is newest first and pages
        let all = try await h.store.read { tx in try tx.items(status: nil, limit: 10, offset: 0) }
        #expect(all.map(\.id!) == ids.reversed())
        let page = try await h.store.read { tx in try tx.items(status: nil, limit: 2, offset: 2) }
        #expect(page.map(\.id!) == [ids[2], ids[1]])
        let open = try await h.store.read { tx in try tx.items(status: [.open], limit: 10, offset: 0) }
        #expect(open.map(\.id!) == [ids[4], ids[3], ids[2], ids[0]])
        let claimed = try await h.store.read { tx in try tx.items(status: [.claimed, .closed], limit: 10, offset: 0) }
        #expect(claimed.map(\.id!) == [second])
    }

    @Test("todo lists what the member holds, oldest first")
    func todo() async throws {
        let h = try await Harness.make()
        let (m1, m2) = (h.member1.id!, h.member2.id!)
        let a = try await h.report(by: h.rider)
        h.clock.advance(hours: 1)
        let b = try await h.report(by: h.rider)
        h.clock.advance(hours: 1)
        let c = try await h.report(by: h.rider)
        // Given b claimed first, then a submitted, and c held by someone else
        _ = try await h.run { tx in
            _ = try tx.claim(itemID: b, by: m1)
            _ = try tx.claim(itemID: a, by: m1)
            _ = try tx.submit(itemID: a, by: m1, note: nil, photoURLs: [])
            return try tx.claim(itemID: c, by: m2)
        }
        let list = try await h.store.read { tx in try tx.todo(memberID: m1) }
        #expect(list.map(\.id!) == [a, b])
        #expect(list.map(\.status) == [.submitted, .claimed])
    }

    @Test("openItems lists active items, per grid, oldest first")
    func openItems() async throws {
        // Given items in grids A and B and without grid, one claimed and one cancelled
        // Then the lists show the active ones
        let h = try await Harness.make()
        let (m1, sec) = (h.member1.id!, h.secretary.id!)
        let a1 = try await h.report(by: h.rider, grid: "A")
        let b1 = try await h.report(by: h.rider2, grid: "B")
        let a2 = try await h.report(by: h.rider, grid: "A")
        let a3 = try await h.report(by: h.rider, grid: "A")
        let none = try await h.report(by: h.rider, grid: nil)
        _ = try await h.run { tx in
            _ = try tx.claim(itemID: a2, by: m1)
            return try tx.cancel(itemID: a3, by: sec, reason: nil, invalid: false)
        }
        #expect(try await h.store.read { tx in try tx.openItems(grid: "A", limit: 10) }.map(\.id!) == [a1, a2])
        #expect(try await h.store.read { tx in try tx.openItems(grid: "B", limit: 10) }.map(\.id!) == [b1])
        #expect(
            try await h.store.read { tx in try tx.openItems(grid: nil, limit: 10) }.map(\.id!) == [a1, b1, a2, none])
        #expect(try await h.store.read { tx in try tx.openItems(grid: nil, limit: 2) }.map(\.id!) == [a1, b1])
    }

    @Test("overdue items are active items past their deadline")
    func overdue() async throws {
        // Given an issue (72 h) and a wish (168 h) filed now, and an issue closed before its deadline
        let h = try await Harness.make()
        let issue = try await h.report(.issue, by: h.rider)
        let wish = try await h.report(.wish, by: h.resident)
        let done = try await h.submitted(by: h.member1)
        let sec = h.secretary.id!
        _ = try await h.run { tx in try tx.verify(itemID: done, by: sec, note: nil) }
        // When 73 hours pass, Then only the open issue is overdue
        h.clock.advance(hours: 73)
        #expect(try await h.store.read { tx in try tx.overdueItems(limit: 10) }.map(\.id!) == [issue])
        // When a week passes, Then the wish is overdue too
        h.clock.advance(hours: 96)
        #expect(try await h.store.read { tx in try tx.overdueItems(limit: 10) }.map(\.id!) == [issue, wish])
    }

    @Test("detail is nil for an unknown item")
    func detailUnknown() async throws {
        // Given an empty board; When item 12 is asked for; Then there is none
        let h = try await Harness.make()
        #expect(try await h.store.read { tx in try tx.detail(itemID: 12) } == nil)
        #expect(try await h.store.read { tx in try tx.item(id: 12) } == nil)
    }

    @Test("statusCounts counts items created in the period")
    func statusCounts() async throws {
        // Given one item before the period and two in it; Then only the two are counted
        let h = try await Harness.make()
        _ = try await h.report(by: h.rider)
        h.clock.advance(hours: 24)
        let since = h.clock.now()
        _ = try await h.report(by: h.rider)
        _ = try await h.submitted(by: h.member1)
        let counts = try await h.store.read { tx in try tx.statusCounts(since: since) }
        #expect(counts[.open] == 1)
        #expect(counts[.submitted] == 1)
        #expect(counts[.closed] == 0)
        #expect(counts.count == ItemStatus.allCases.count)
    }
}
