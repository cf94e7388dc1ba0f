import Foundation
import GRDB
import Testing

@testable import TaskBoard

/// 采纳: the community adopts a suggestion, closes it and pays its reporter `suggestionAdopted`.
@Suite("Adopting suggestions") struct AdoptTests {
    @Test func anAdoptedSuggestionIsClosedAndItsReporterPaid() async throws {
        let h = try await Harness.make(rules: PointRules(reportAccepted: 1, suggestionAdopted: 4))
        let id = try await h.report(.suggestion, by: h.rider)
        let sec = h.secretary.id!
        let outcome = try await h.run { tx in try tx.adopt(itemID: id, by: sec, note: "下周装路灯") }
        #expect(outcome.item.status == .closed)
        #expect(outcome.awards.map(\.delta) == [4])
        #expect(outcome.awards.first?.reason == .suggestionAdopted)
        #expect(try await h.balance(h.rider).total == 5)
        let events = try await h.run { tx in try tx.detail(itemID: id)!.events.map(\.action) }
        #expect(events == [.created, .adopted])
    }

    @Test func onlyASuggestionIsAdoptedOnlyByTheCommunityAndNotTwice() async throws {
        let h = try await Harness.make()
        let issue = try await h.report(.issue, by: h.rider)
        let suggestion = try await h.report(.suggestion, by: h.member1)
        let (sec, m2) = (h.secretary.id!, h.member2.id!)
        try await h.expectRefusal(.wrongState(item: issue, status: .open, action: "adopt")) { tx in
            try tx.adopt(itemID: issue, by: sec, note: nil)
        }
        try await h.expectRefusal(.notAllowed(action: "adopt", role: .member)) { tx in
            try tx.adopt(itemID: suggestion, by: m2, note: nil)
        }
        _ = try await h.run { tx in try tx.adopt(itemID: suggestion, by: sec, note: nil) }
        try await h.expectRefusal(.wrongState(item: suggestion, status: .closed, action: "adopt")) { tx in
            try tx.adopt(itemID: suggestion, by: sec, note: nil)
        }
    }

    @Test func theTimelineKeepsItsRowsAcrossTheMigrationThatAllowsAdoption() throws {
        let db = try DatabaseQueue()
        var migrator = BoardSchema.migrator
        try migrator.migrate(db, upTo: "v3-crash-guard")
        try db.write { db in
            try db.execute(
                sql: "INSERT INTO members (platform_id, name, role, created_at) VALUES ('r', 'R', 'rider', 0)")
            try db.execute(
                sql: """
                    INSERT INTO items (kind, text, status, reporter_id, created_at) VALUES ('suggestion', 's', 'open', 1, 0);
                    INSERT INTO timeline_events (item_id, actor_id, action, at, note) VALUES (1, 1, 'created', 5, 'n');
                    """)
        }
        migrator = BoardSchema.migrator
        try migrator.migrate(db)
        try db.write { db in
            let row = try Row.fetchOne(db, sql: "SELECT id, item_id, action, at, note FROM timeline_events")
            #expect(row?["action"] == "created")
            #expect(row?["note"] == "n")
            try db.execute(sql: "INSERT INTO timeline_events (item_id, action, at) VALUES (1, 'adopted', 6)")
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "INSERT INTO timeline_events (item_id, action, at) VALUES (1, 'invented', 7)")
            }
        }
    }
}
