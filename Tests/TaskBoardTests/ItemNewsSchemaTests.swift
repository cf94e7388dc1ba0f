import Foundation
import GRDB
import Testing

@testable import TaskBoard

/// v13-item-news: the timeline takes `approved`, and a joined report's photos of before become rows
/// of its item, marked as the report's, so the item's page shows them with the report.
@Suite struct ItemNewsSchemaTests {
    @Test func theMigrationGivesJoinedPhotosTheirRowsAndTheTimelineTakesApprovals() throws {
        let db = try DatabaseQueue()
        var migrator = BoardSchema.migrator
        try migrator.migrate(db, upTo: "v10-wishes")
        try db.write { db in
            try db.execute(
                sql: """
                    INSERT INTO members (platform_id, name, role, created_at) VALUES ('r', 'R', 'rider', 0);
                    INSERT INTO items (kind, text, status, reporter_id, created_at) VALUES ('issue', 's', 'open', 1, 0);
                    INSERT INTO timeline_events (item_id, actor_id, action, at, note) VALUES (1, 1, 'reopened', 5, 'n');
                    INSERT INTO joined_reports (item_id, reporter_id, place, text, image_urls, explicit, created_at)
                      VALUES (1, 1, '{}', 'same', '["http://x.invalid/a.jpg","http://x.invalid/b.jpg"]', 0, 3);
                    INSERT INTO joined_reports (item_id, reporter_id, place, text, image_urls, explicit, created_at)
                      VALUES (1, 1, '{}', 'none', '[]', 1, 4);
                    """)
        }
        migrator = BoardSchema.migrator
        try migrator.migrate(db)
        try db.write { db in
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM timeline_events") == 1)
            try db.execute(sql: "INSERT INTO timeline_events (item_id, action, at) VALUES (1, 'approved', 7)")
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "INSERT INTO timeline_events (item_id, action, at) VALUES (1, 'invented', 7)")
            }
            let photos = try Photo.order(Photo.CodingKeys.id).fetchAll(db)
            #expect(photos.map(\.url) == ["http://x.invalid/a.jpg", "http://x.invalid/b.jpg"])
            #expect(photos.map(\.joinedReportID) == [1, 1])
            #expect(photos.allSatisfy { $0.itemID == 1 && $0.status == .pending && $0.addedBy == 1 })
        }
    }
}
