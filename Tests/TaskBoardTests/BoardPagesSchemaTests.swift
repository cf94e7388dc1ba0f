import Foundation
import GRDB
import Testing

@testable import TaskBoard

/// The v2-board-pages migration, on a fresh database and on one that ran only the v1 migrations.
@Suite("Board pages schema")
struct BoardPagesSchemaTests {
    @Test("a v1 database gains the approval columns (null), the activities table and the list indexes")
    func upgradeFromV1() async throws {
        // Given a database migrated by the v1 migrations only, with a registered member
        let db = try DatabaseQueue()
        try BoardSchema.migrator.migrate(db, upTo: "v1-conversation")
        try await db.write { db in
            try db.execute(
                sql: """
                    INSERT INTO members (platform_id, name, role, created_at, registered_at)
                    VALUES ('wx-old', 'Old Member', 'member', 0, 10);
                    INSERT INTO items (kind, estate, text, status, reporter_id, created_at)
                    VALUES ('issue', '龙西花园', '窨井盖破损', 'open', 1, 0);
                    """)
        }
        // When the store opens it
        let store = try BoardStore(writer: db)
        // Then every migration ran
        let applied = try await db.read { db in try BoardSchema.migrator.appliedIdentifiers(db) }
        #expect(applied == Set(BoardSchema.migrator.migrations))
        // And the old member decodes with no approval, so waits for one
        let old = try #require(try await store.read { tx in try tx.member(platformID: "wx-old") })
        #expect(old.approvedAt == nil)
        #expect(old.approvedBy == nil)
        #expect(try await store.read { tx in try tx.pendingRegistrations() }.map(\.platformID) == ["wx-old"])
        // And the item reported before the upgrade is in the search index
        let found = try await store.read { tx in try tx.searchItems(ItemQuery(text: "龙西花园")) }
        #expect(found.items.map(\.id) == [1])
        let (columns, tables, indexes) = try await db.read { db in
            (
                try db.columns(in: "members").map(\.name),
                Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")),
                Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index'"))
            )
        }
        #expect(columns.suffix(2) == ["approved_at", "approved_by"])
        #expect(tables.contains("activities"))
        #expect(tables.contains("items_search"))
        for index in [
            "items_on_created_at", "items_on_category_created_at", "items_on_estate_created_at",
            "items_on_kind_created_at", "items_on_grid_created_at", "items_on_due_at", "items_on_closed_at",
            "items_on_status_due_at", "items_on_status_closed_at", "activities_on_member_id_held_on",
        ] {
            #expect(indexes.contains(index), "missing index \(index)")
        }
    }

    @Test("the new rows keep their invariants")
    func invariants() async throws {
        // Given a board
        let h = try await Harness.make()
        let m1 = h.member1.id!
        // When rows break the invariants, Then SQLite refuses them
        try await h.db.write { db in
            #expect(throws: DatabaseError.self) {
                try db.execute(
                    sql: "INSERT INTO activities (member_id, name, held_on, created_at) VALUES (999, 'x', 0, 0)")
            }
            #expect(throws: DatabaseError.self) {
                try db.execute(
                    sql: "INSERT INTO activities (member_id, name, held_on, created_at) VALUES (?, ' ', 0, 0)",
                    arguments: [m1])
            }
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "UPDATE members SET approved_by = 999 WHERE id = ?", arguments: [m1])
            }
        }
    }
}
