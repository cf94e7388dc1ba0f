import Foundation
import GRDB
import Testing

@testable import TaskBoard

/// Issue 13 item 4: a report of the same thing joins the open item; a closed item reopens for 30
/// days; a wrong join is split off.
@Suite("Duplicates joined, split and reopened") struct DuplicateTests {
    private let rule = DuplicateRule()
    private let here = Location(estate: "龙西小区", building: "12", grid: "A", lat: 28.2000, lon: 112.9000)

    private func report(
        _ h: Harness, by reporter: Member, category: String = "manhole", at location: Location
    ) async throws -> Int64 {
        let reporterID = reporter.id!
        return try await h.run { tx in
            try tx.createItem(
                NewItem(kind: .issue, category: category, location: location, text: "井盖坏了", reporterID: reporterID))
        }.item.id!
    }

    @Test func theRuleJoinsTheSameCategoryNearbyOrAtTheSameBuildingWithinTheWindow() {
        let now = Date(timeIntervalSince1970: 1_767_571_200)
        let item = Item(
            id: 3, kind: .issue, category: "manhole", estate: "龙西小区", building: "12", lat: 28.2000, lon: 112.9000,
            text: "t", reporterID: 1, createdAt: now.addingTimeInterval(-3600))
        // 100 m north is within 150 m; 200 m is not, unless at the same estate and building
        let near = Location(lat: 28.2009, lon: 112.9000)
        let far = Location(lat: 28.2018, lon: 112.9000)
        #expect(rule.isDuplicate("manhole", at: near, of: item, now: now))
        #expect(!rule.isDuplicate("manhole", at: far, of: item, now: now))
        #expect(rule.isDuplicate("manhole", at: Location(estate: "龙西小区", building: "12"), of: item, now: now))
        #expect(!rule.isDuplicate("manhole", at: Location(estate: "龙西小区", building: "3"), of: item, now: now))
        #expect(!rule.isDuplicate("manhole", at: Location(estate: "龙西小区"), of: item, now: now))
        // Two named buildings are two places even at the estate's one centre coordinate
        #expect(
            !rule.isDuplicate(
                "manhole", at: Location(estate: "龙西小区", building: "8", lat: 28.2, lon: 112.9), of: item, now: now))
        // Two different landmarks too
        var atGate = item
        atGate.building = nil
        atGate.landmark = "东门"
        #expect(!rule.isDuplicate("manhole", at: Location(landmark: "西门", lat: 28.2, lon: 112.9), of: atGate, now: now))
        #expect(rule.isDuplicate("manhole", at: Location(landmark: "东门", lat: 28.2, lon: 112.9), of: atGate, now: now))
        // Another category, "other", an item past the window or no longer open: no join
        #expect(!rule.isDuplicate("streetlight", at: near, of: item, now: now))
        var other = item
        other.category = "other"
        #expect(!rule.isDuplicate("other", at: near, of: other, now: now))
        #expect(!rule.isDuplicate("manhole", at: near, of: item, now: now.addingTimeInterval(72 * 3600)))
        var closed = item
        closed.status = .closed
        #expect(!rule.isDuplicate("manhole", at: near, of: closed, now: now))
        // Configured wider, the far report joins
        #expect(DuplicateRule(radiusMeters: 250).isDuplicate("manhole", at: far, of: item, now: now))
    }

    @Test func theLookupFindsTheOriginalAmongTheCategorysRecentOpenItems() async throws {
        let h = try await Harness.make()
        let first = try await report(h, by: h.rider, at: here)
        h.clock.advance(hours: 1)
        _ = try await report(h, by: h.rider2, at: here)
        _ = try await report(h, by: h.rider2, category: "streetlight", at: here)
        let found = try await h.store.read { [rule] tx in
            try tx.duplicateCandidate(
                category: "manhole", location: Location(estate: "龙西小区", building: "12"), rule: rule)
        }
        #expect(found?.id == first)
        // Past the window nothing is found
        h.clock.advance(hours: 73)
        let late = try await h.store.read { [rule, here] tx in
            try tx.duplicateCandidate(category: "manhole", location: here, rule: rule)
        }
        #expect(late == nil)
    }

    @Test func theLookupIsBoundedByTheCategoryTimeIndex() async throws {
        let h = try await Harness.make()
        let plan = try await h.store.read { tx in
            try Row.fetchAll(
                tx.db, sql: "EXPLAIN QUERY PLAN " + BoardTransaction.duplicateCandidatesSQL,
                arguments: ["manhole", 0, 20]
            ).map { $0["detail"] as String? ?? "" }.joined()
        }
        // The statement the lookup runs: a range of the category/time index, no scan, no sort.
        #expect(plan.contains("items_on_category_created_at"))
        #expect(!plan.contains("SCAN items") && !plan.contains("TEMP B-TREE"))
    }

    @Test func aMergedItemsJoinedReportersHearWhenTheOriginalCloses() async throws {
        let h = try await Harness.make()
        let original = try await report(h, by: h.rider, at: here)
        let duplicate = try await report(
            h, by: h.rider, at: Location(estate: "龙西小区", building: "8", grid: "A"))
        let (r2, sec, m1) = (h.rider2.id!, h.secretary.id!, h.member1.id!)
        _ = try await h.run { tx in
            try tx.join(
                NewItem(kind: .issue, category: "manhole", location: Location(), text: "8栋井盖", reporterID: r2),
                to: duplicate, explicit: true)
        }
        _ = try await h.run { tx in try tx.merge(itemID: duplicate, into: original, by: sec, note: nil) }
        #expect(try await h.run { tx in try tx.joinedReports(of: original).map(\.reporterID) } == [r2])
        _ = try await h.run { tx in
            _ = try tx.claim(itemID: original, by: m1)
            _ = try tx.submit(itemID: original, by: m1, note: nil, photoURLs: [])
            return try tx.verify(itemID: original, by: sec, note: nil)
        }
        #expect(try await h.run { tx in try tx.takeJoinedReportsToNotify(of: original).map(\.reporterID) } == [r2])
    }

    @Test func aJoinedReportIsNoItemEarnsNothingAndIsToldOnceWhenTheItemCloses() async throws {
        let h = try await Harness.make()
        let original = try await report(h, by: h.rider, at: here)
        let (r2, sec, m1) = (h.rider2.id!, h.secretary.id!, h.member1.id!)
        let before = try await h.balance(h.rider2).total
        let joined = try await h.run { [here] tx in
            let first = try tx.join(
                NewItem(kind: .issue, category: "manhole", location: here, text: "12栋井盖坏了", reporterID: r2),
                to: original, explicit: false)
            _ = try tx.join(
                NewItem(kind: .issue, category: "manhole", location: here, text: "又看到了", reporterID: r2),
                to: original, explicit: true)
            return first
        }
        #expect(joined.item.id == original)
        #expect(try await h.balance(h.rider2).total == before)
        #expect(try await h.run { tx in try tx.items(status: nil, limit: 10, offset: 0).count } == 1)
        #expect(try await h.run { tx in try tx.joinedReports(of: original).count } == 2)
        let events = try await h.run { tx in try tx.detail(itemID: original)!.events.map(\.action) }
        #expect(events == [.created, .joined, .joined])
        _ = try await h.run { tx in
            _ = try tx.claim(itemID: original, by: m1)
            _ = try tx.submit(itemID: original, by: m1, note: nil, photoURLs: [])
            return try tx.verify(itemID: original, by: sec, note: nil)
        }
        // One notice per reporter, then none
        let told = try await h.run { tx in try tx.takeJoinedReportsToNotify(of: original).map(\.reporterID) }
        #expect(told == [r2])
        #expect(try await h.run { tx in try tx.takeJoinedReportsToNotify(of: original) }.isEmpty)
        // A closed item takes no more joins
        try await h.expectRefusal(.wrongState(item: original, status: .closed, action: "join")) { [here] tx in
            try tx.join(
                NewItem(kind: .issue, category: "manhole", location: here, text: "t", reporterID: r2), to: original,
                explicit: true)
        }
    }

    @Test func aClosedItemReopensWithinThirtyDaysAndNotAfter() async throws {
        let h = try await Harness.make()
        let id = try await h.submitted(by: h.member1)
        let (sec, res, m1) = (h.secretary.id!, h.resident.id!, h.member1.id!)
        _ = try await h.run { tx in try tx.verify(itemID: id, by: sec, note: nil) }
        // Still open is said so, not reopened
        let open = try await report(h, by: h.rider, at: here)
        try await h.expectRefusal(.stillOpen(item: open)) { [rule] tx in
            try tx.reopen(itemID: open, by: res, note: nil, rule: rule)
        }
        h.clock.advance(hours: 24 * 29)
        let reopened = try await h.run { [rule] tx in try tx.reopen(itemID: id, by: res, note: "又坏了", rule: rule) }
        #expect(reopened.formerClaimant == m1)
        #expect(reopened.outcome.item.status == .open)
        #expect(reopened.outcome.item.claimantID == nil)
        #expect(reopened.outcome.item.closedAt == nil)
        let events = try await h.run { tx in try tx.detail(itemID: id)!.events.map(\.action) }
        #expect(events.last == .reopened)
        // Closed again, and 31 days later it is too late
        _ = try await h.run { tx in
            _ = try tx.claim(itemID: id, by: m1)
            _ = try tx.submit(itemID: id, by: m1, note: nil, photoURLs: [])
            return try tx.verify(itemID: id, by: sec, note: nil)
        }
        h.clock.advance(hours: 24 * 31)
        try await h.expectRefusal(.reopenTooLate(item: id, days: 30)) { [rule] tx in
            try tx.reopen(itemID: id, by: res, note: nil, rule: rule)
        }
    }

    @Test func aSplitMakesTheJoinedReportAnItemOfItsOwnOnlyForTheCommunity() async throws {
        let h = try await Harness.make()
        let original = try await report(h, by: h.rider, at: here)
        let (r2, sec, m1) = (h.rider2.id!, h.secretary.id!, h.member1.id!)
        let joinedID = try await h.run { [here] tx in
            try tx.join(
                NewItem(
                    kind: .issue, category: "manhole", location: here, text: "12栋另一个井盖", reporterID: r2,
                    photoURLs: ["http://x.invalid/a.jpg"]), to: original, explicit: false
            ).joined.id!
        }
        try await h.expectRefusal(.notAllowed(action: "split", role: .member)) { [here] tx in
            try tx.split(try #require(try tx.joinedReport(id: joinedID)), at: here, by: m1)
        }
        let split = try await h.run { [here] tx in
            try tx.split(try #require(try tx.joinedReport(id: joinedID)), at: here, by: sec)
        }
        #expect(split.from == original)
        #expect(split.outcome.item.reporterID == r2)
        #expect(split.outcome.item.status == .open)
        #expect(split.outcome.awards.map(\.delta) == [1])
        let newID = split.outcome.item.id!
        #expect(try await h.run { tx in try tx.detail(itemID: newID)!.photos.count } == 1)
        // The joined report's photo went with it: the original keeps none of it.
        #expect(
            try await h.run { tx in
                try tx.joinedPhotos(of: original).isEmpty && tx.detail(itemID: original)!.photos.isEmpty
            })
        #expect(try await h.run { tx in try tx.joinedReports(of: original) }.isEmpty)
        #expect(try await h.run { tx in try tx.detail(itemID: original)!.events.last?.action } == .split)
        // Split twice: the report is gone
        let twice = try await h.run { [here] tx in
            do {
                _ = try tx.split(try #require(try tx.joinedReport(id: joinedID)), at: here, by: sec)
                return false
            } catch BoardPageError.noSuchJoinedReport {
                return true
            }
        }
        #expect(twice)
    }

    @Test func theMigrationKeepsTimelineRowsAndTheActionsBeforeIt() throws {
        let db = try DatabaseQueue()
        var migrator = BoardSchema.migrator
        try migrator.migrate(db, upTo: "v8-departments")
        try db.write { db in
            try db.execute(
                sql: """
                    INSERT INTO members (platform_id, name, role, created_at) VALUES ('r', 'R', 'rider', 0);
                    INSERT INTO items (kind, text, status, reporter_id, created_at) VALUES ('issue', 's', 'open', 1, 0);
                    INSERT INTO timeline_events (item_id, actor_id, action, at, note) VALUES (1, 1, 'adopted', 5, 'n');
                    INSERT INTO timeline_events (item_id, action, at) VALUES (1, 'department_answered', 6);
                    """)
        }
        migrator = BoardSchema.migrator
        try migrator.migrate(db)
        try db.write { db in
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM timeline_events") == 2)
            for action in ["reopened", "joined", "split", "department_answered", "chased", "created"] {
                try db.execute(
                    sql: "INSERT INTO timeline_events (item_id, action, at) VALUES (1, ?, 7)", arguments: [action])
            }
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "INSERT INTO timeline_events (item_id, action, at) VALUES (1, 'invented', 7)")
            }
        }
    }
}
