import Foundation
import GRDB
import Testing

@testable import TaskBoard

/// The board's item list: every filter, every order, pages, and the export's cursor.
@Suite("Item search")
struct ItemSearchTests {
    /// Six items an hour apart, as a small community's board:
    /// a closed manhole in Longxi (A), an open bin at Longdong's east gate (B), a claimed wish in
    /// Longxi (A), an open suggestion without grid, an escalated manhole in Longdong (B), and a
    /// cancelled bin report (A).
    struct Board {
        let h: Harness
        let a: Int64, b: Int64, c: Int64, d: Int64, e: Int64, f: Int64
        /// When each was reported.
        let times: [Date]

        var all: [Int64] { [a, b, c, d, e, f] }

        func search(_ query: ItemQuery) async throws -> [Int64] {
            try await h.store.read { tx in try tx.searchItems(query) }.items.map(\.id!)
        }

        static func make() async throws -> Board {
            let h = try await Harness.make()
            var times: [Date] = []
            func next() {
                times.append(h.clock.now())
            }
            next()
            let a = try await h.file(
                by: h.rider, category: "manhole", estate: "Longxi", building: "3", grid: "A",
                text: "broken manhole cover")
            h.clock.advance(hours: 1)
            next()
            let b = try await h.file(
                by: h.rider2, category: "bin", estate: "Longdong", landmark: "east gate", grid: "B",
                text: "bin overflowing")
            h.clock.advance(hours: 1)
            next()
            let c = try await h.file(.wish, by: h.resident, estate: "Longxi", grid: "A", text: "tap needs fixing")
            h.clock.advance(hours: 1)
            next()
            let d = try await h.file(.suggestion, by: h.rider, grid: nil, text: "more lights, 50% brighter")
            h.clock.advance(hours: 1)
            next()
            let e = try await h.file(
                by: h.rider2, category: "manhole", estate: "Longdong", grid: "B", text: "manhole_missing")
            h.clock.advance(hours: 1)
            next()
            let f = try await h.file(by: h.rider, category: "bin", grid: "A", text: "bin #3 broken")
            let (m1, m2, sec) = (h.member1.id!, h.member2.id!, h.secretary.id!)
            h.clock.advance(hours: 1)
            _ = try await h.run { tx in
                _ = try tx.claim(itemID: a, by: m1)
                _ = try tx.submit(itemID: a, by: m1, note: nil, photoURLs: [])
                _ = try tx.verify(itemID: a, by: sec, note: nil)
                _ = try tx.claim(itemID: c, by: m2)
                return try tx.escalate(itemID: e, by: sec, to: "street office")
            }
            h.clock.advance(hours: 1)
            _ = try await h.run { tx in try tx.cancel(itemID: f, by: sec, reason: nil, invalid: false) }
            return Board(h: h, a: a, b: b, c: c, d: d, e: e, f: f, times: times)
        }
    }

    @Test("the default query lists everything newest first, with the total")
    func defaultList() async throws {
        let board = try await Board.make()
        let page = try await board.h.store.read { tx in try tx.searchItems(ItemQuery()) }
        #expect(page.items.map(\.id!) == board.all.reversed())
        #expect(page.total == 6)
        #expect(page.query == ItemQuery())
    }

    @Test("each equality filter selects its items")
    func equalityFilters() async throws {
        let board = try await Board.make()
        let (a, b, c, d, e, f) = (board.a, board.b, board.c, board.d, board.e, board.f)
        let h = board.h
        #expect(try await board.search(ItemQuery(statuses: [.open])) == [d, b])
        #expect(try await board.search(ItemQuery(statuses: [.closed, .cancelled])) == [f, a])
        #expect(try await board.search(ItemQuery(kinds: [.wish])) == [c])
        #expect(try await board.search(ItemQuery(kinds: [.issue, .suggestion])) == [f, e, d, b, a])
        #expect(try await board.search(ItemQuery(category: "manhole")) == [e, a])
        #expect(try await board.search(ItemQuery(estate: "Longxi")) == [c, a])
        #expect(try await board.search(ItemQuery(reporterID: h.rider.id!)) == [f, d, a])
        #expect(try await board.search(ItemQuery(claimantID: h.member1.id!)) == [a])
        #expect(try await board.search(ItemQuery(statuses: [.open], category: "bin")) == [b])
    }

    @Test("grids limit the list to those grids; an empty list shows nothing")
    func grids() async throws {
        let board = try await Board.make()
        let (a, b, c, e, f) = (board.a, board.b, board.c, board.e, board.f)
        #expect(try await board.search(ItemQuery(grids: ["A"])) == [f, c, a])
        // The suggestion without grid is in nobody's grid
        #expect(try await board.search(ItemQuery(grids: ["A", "B"])) == [f, e, c, b, a])
        #expect(try await board.search(ItemQuery(grids: [])) == [])
        #expect(try await board.search(ItemQuery(statuses: [.open], grids: ["B"])) == [b])
    }

    @Test("overdue means still needing work and past the deadline")
    func overdue() async throws {
        // Given the board; When 76 hours pass since the first report
        let board = try await Board.make()
        let (b, c) = (board.b, board.c)
        board.h.clock.set(board.times[0].addingTimeInterval(76 * 3600 + 1))
        // Then the open issue is overdue (72 h), not the closed or cancelled ones, nor the wish (168 h)
        // or the suggestion (336 h), nor the escalated one: it waits on its department's deadline
        #expect(try await board.search(ItemQuery(overdue: true)) == [b])
        // When the wish's week has passed, Then it joins them
        board.h.clock.set(board.times[2].addingTimeInterval(168 * 3600 + 1))
        #expect(try await board.search(ItemQuery(overdue: true)) == [c, b])
        // And overdue combines with other filters
        #expect(try await board.search(ItemQuery(grids: ["B"], overdue: true)) == [b])
        #expect(try await board.search(ItemQuery(statuses: [.closed], overdue: true)) == [])
    }

    @Test("created from is inclusive, created to exclusive")
    func createdRange() async throws {
        let board = try await Board.make()
        let (t, b, c) = (board.times, board.b, board.c)
        #expect(try await board.search(ItemQuery(createdFrom: t[1], createdTo: t[3])) == [c, b])
        #expect(try await board.search(ItemQuery(createdFrom: t[5])) == [board.f])
        #expect(try await board.search(ItemQuery(createdTo: t[1])) == [board.a])
    }

    @Test("text finds substrings of text, estate, building and landmark, and item numbers")
    func text() async throws {
        let board = try await Board.make()
        let (a, b, c, d, e, f) = (board.a, board.b, board.c, board.d, board.e, board.f)
        #expect(try await board.search(ItemQuery(text: "manhole")) == [e, a])
        #expect(try await board.search(ItemQuery(text: "Longxi")) == [c, a])
        // ASCII letters match in any case
        #expect(try await board.search(ItemQuery(text: "LONGXI")) == [c, a])
        #expect(try await board.search(ItemQuery(text: "east")) == [b])
        // "3" is item #3, building 3 and the text "bin #3"
        #expect(try await board.search(ItemQuery(text: "3")) == [f, c, a])
        #expect(try await board.search(ItemQuery(text: "#2")) == [b])
        #expect(try await board.search(ItemQuery(text: "＃4")) == [d])
        #expect(try await board.search(ItemQuery(text: " #5 ")) == [e])
        // LIKE's wildcards are taken literally
        #expect(try await board.search(ItemQuery(text: "_")) == [e])
        #expect(try await board.search(ItemQuery(text: "%")) == [d])
        #expect(try await board.search(ItemQuery(text: "50%")) == [d])
        #expect(try await board.search(ItemQuery(text: "g_m")) == [])
        // Blank text is no filter; text combines with the other filters
        #expect(try await board.search(ItemQuery(text: "  ")) == board.all.reversed())
        #expect(try await board.search(ItemQuery(grids: ["B"], text: "manhole")) == [e])
        #expect(try await board.search(ItemQuery(text: "nothing like this")) == [])
    }

    @Test("text of three characters or more goes through the trigram index, which follows every change")
    func indexedText() async throws {
        // Given Chinese reports, one without a place yet
        let h = try await Harness.make()
        let manhole = try await h.file(by: h.rider, estate: "龙西花园", building: "3栋", text: "窨井盖破损，晚上很危险")
        let lamp = try await h.file(by: h.rider, landmark: "东门", text: "路灯不亮")
        let quoted = try await h.file(by: h.rider, text: "门口贴了\"禁止停车\"，还是有人停")
        let bare = try await h.file(by: h.rider, text: "垃圾桶满了")
        let board = Board(h: h, a: manhole, b: lamp, c: quoted, d: bare, e: 0, f: 0, times: [])
        // Then three or more characters, two, and one all find their substrings
        #expect(try await board.search(ItemQuery(text: "窨井盖")) == [manhole])
        #expect(try await board.search(ItemQuery(text: "井盖")) == [manhole])
        #expect(try await board.search(ItemQuery(text: "龙西花园")) == [manhole])
        #expect(try await board.search(ItemQuery(text: "东门")) == [lamp])
        #expect(try await board.search(ItemQuery(text: "停")) == [quoted])
        #expect(try await board.search(ItemQuery(text: "\"禁止停车\"")) == [quoted])
        #expect(try await board.search(ItemQuery(text: "井盖破损，晚")) == [manhole])
        #expect(try await board.search(ItemQuery(text: "破损晚上")) == [])
        // When the bare report is located, Then the index knows its new place
        #expect(try await board.search(ItemQuery(text: "龙东新村")) == [])
        let sec = h.secretary.id!
        _ = try await h.run { tx in
            try tx.locate(itemID: bare, at: Location(estate: "龙东新村", grid: "B"), by: sec)
        }
        #expect(try await board.search(ItemQuery(text: "龙东新村")) == [bare])
        // And a status change leaves the index alone while a changed text replaces the old words
        _ = try await h.run { tx in try tx.cancel(itemID: lamp, by: sec, reason: nil, invalid: false) }
        #expect(try await board.search(ItemQuery(text: "路灯不亮")) == [lamp])
        try await h.db.write { db in
            try db.execute(sql: "UPDATE items SET text = '路灯修好了' WHERE id = ?", arguments: [lamp])
        }
        #expect(try await board.search(ItemQuery(text: "路灯不亮")) == [])
        #expect(try await board.search(ItemQuery(text: "路灯修好")) == [lamp])
    }

    @Test("the orders: newest, oldest, due soonest, recently closed, by number")
    func sorts() async throws {
        let board = try await Board.make()
        let (a, b, c, d, e, f) = (board.a, board.b, board.c, board.d, board.e, board.f)
        #expect(try await board.search(ItemQuery(sort: .newest)) == [f, e, d, c, b, a])
        #expect(try await board.search(ItemQuery(sort: .oldest)) == [a, b, c, d, e, f])
        #expect(try await board.search(ItemQuery(sort: .id)) == [a, b, c, d, e, f])
        // Deadlines: issues 72 h after their report, the wish 168 h, the suggestion 336 h
        #expect(try await board.search(ItemQuery(sort: .dueSoonest)) == [a, b, e, f, c, d])
        // The cancelled one closed last; never-closed items follow, newest number first
        #expect(try await board.search(ItemQuery(sort: .recentlyClosed)) == [f, a, e, d, c, b])
        // An item without deadline goes after every dated one
        try await board.h.db.write { db in
            try db.execute(sql: "UPDATE items SET due_at = NULL WHERE id = ?", arguments: [a])
        }
        #expect(try await board.search(ItemQuery(sort: .dueSoonest)) == [b, e, f, c, d, a])
    }

    @Test("pages: limit and offset cut the list, the total counts every match")
    func pages() async throws {
        let board = try await Board.make()
        let (b, c, d) = (board.b, board.c, board.d)
        let page = try await board.h.store.read { tx in try tx.searchItems(ItemQuery(limit: 2, offset: 2)) }
        #expect(page.items.map(\.id!) == [d, c])
        #expect(page.total == 6)
        let last = try await board.h.store.read { tx in
            try tx.searchItems(ItemQuery(kinds: [.issue], limit: 2, offset: 2))
        }
        #expect(last.items.map(\.id!) == [b, board.a])
        #expect(last.total == 4)
        let beyond = try await board.h.store.read { tx in try tx.searchItems(ItemQuery(limit: 10, offset: 50)) }
        #expect(beyond.items.isEmpty)
        #expect(beyond.total == 6)
    }

    @Test("the export walks every match in order, ignoring the page")
    func export() async throws {
        let board = try await Board.make()
        let rows = try await board.h.store.read { tx in
            var ids: [Int64] = []
            try tx.forEachItem(matching: ItemQuery(grids: ["A", "B"], sort: .oldest, limit: 1, offset: 3)) { item in
                ids.append(item.id!)
            }
            return ids
        }
        #expect(rows == [board.a, board.b, board.c, board.e, board.f])
    }

    @Test("membersByID finds the known ids in one query")
    func membersByID() async throws {
        let h = try await Harness.make()
        let (rider, m1) = (h.rider.id!, h.member1.id!)
        let found = try await h.store.read { tx in try tx.membersByID([rider, m1, rider, 999]) }
        #expect(found == [rider: h.rider, m1: h.member1])
        #expect(try await h.store.read { tx in try tx.membersByID([]) }.isEmpty)
    }
}
