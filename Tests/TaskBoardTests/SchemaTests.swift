import Foundation
import GRDB
import Testing

@testable import TaskBoard

@Suite("Schema and store")
struct SchemaTests {
    @Test("migrations on an empty database create every table and index")
    func migrationsCreateTablesAndIndexes() async throws {
        // Given an empty in-memory database
        let db = try DatabaseQueue()
        // When the store opens it
        _ = try BoardStore(writer: db)
        // Then every table and the query indexes exist
        let (tables, indexes) = try await db.read { db in
            (
                Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")),
                Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index'"))
            )
        }
        for table in [
            "members", "items", "timeline_events", "photos", "ledger", "inbox", "outbox", "conversation_turns",
            "questions", "reviews",
        ] {
            #expect(tables.contains(table), "missing table \(table)")
        }
        for index in [
            "items_on_status_created_at", "items_on_claimant_id_status", "items_on_grid_status",
            "ledger_on_member_id", "ledger_on_created_at", "outbox_on_status_next_attempt_at", "inbox_on_state",
            "inbox_on_channel_platform_message_id", "conversation_turns_on_group_at", "conversation_turns_on_state_at",
            "reviews_on_status",
        ] {
            #expect(indexes.contains(index), "missing index \(index)")
        }
        let applied = try await db.read { db in try BoardSchema.migrator.appliedIdentifiers(db) }
        #expect(applied == Set(BoardSchema.migrator.migrations))
    }

    @Test("migrating twice is harmless")
    func migratingTwice() async throws {
        // Given a migrated database
        let db = try DatabaseQueue()
        _ = try BoardStore(writer: db)
        // When a second store opens it
        _ = try BoardStore(writer: db)
        // Then it is still at the latest migration
        let complete = try await db.read { db in try BoardSchema.migrator.hasCompletedMigrations(db) }
        #expect(complete)
    }

    @Test("a file store keeps synchronous=FULL, WAL and foreign keys on the writer")
    func fileStoreDurability() async throws {
        // Given a temporary directory that does not exist yet
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("taskboard-\(UUID().uuidString)").appendingPathComponent("data").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // When the production store opens there
        let store = try BoardStore.open(directory: directory)
        // Then the writer reads back FULL (2), not the pool's NORMAL, in WAL mode with foreign keys
        #expect(try await store.synchronousMode() == 2)
        #expect(try await store.journalMode() == "wal")
        let foreignKeys = try await store.writer.writeWithoutTransaction { db in
            try Int.fetchOne(db, sql: "PRAGMA foreign_keys")
        }
        #expect(foreignKeys == 1)
        #expect(FileManager.default.fileExists(atPath: directory + "/fengchao.sqlite"))
        // And a write still works and is visible to readers
        let member = try await store.write { tx in
            try tx.upsertMember(platformID: "p1", name: "A", role: .member, grid: nil)
        }
        let read = try await store.read { tx in try tx.member(platformID: "p1") }
        #expect(read == member)
    }

    @Test("the schema refuses what the code must never write")
    func schemaInvariants() async throws {
        // Given a board with one member and one item
        let h = try await Harness.make()
        let itemID = try await h.report(by: h.rider)
        let riderID = h.rider.id!
        // When rows break the invariants, Then SQLite refuses them
        try await h.db.write { db in
            #expect(throws: DatabaseError.self) {
                try db.execute(
                    sql:
                        "INSERT INTO ledger (member_id, board, delta, reason, created_at) "
                        + "VALUES (?, 'reports', 0, 'adjustment', 0)",
                    arguments: [riderID])
            }
            #expect(throws: DatabaseError.self) {
                try db.execute(
                    sql:
                        "INSERT INTO ledger (member_id, board, delta, reason, created_at) "
                        + "VALUES (?, 'bonus', 1, 'adjustment', 0)",
                    arguments: [riderID])
            }
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "UPDATE items SET status = 'done' WHERE id = ?", arguments: [itemID])
            }
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "UPDATE items SET status = 'claimed' WHERE id = ?", arguments: [itemID])
            }
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "UPDATE members SET role = 'mayor' WHERE id = ?", arguments: [riderID])
            }
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "UPDATE items SET reporter_id = 9999 WHERE id = ?", arguments: [itemID])
            }
            #expect(throws: DatabaseError.self) {
                try db.execute(
                    sql:
                        "INSERT INTO members (platform_id, name, role, created_at) VALUES ('wx-rider', 'x', 'rider', 0)"
                )
            }
        }
    }

    @Test("the ledger is append-only")
    func ledgerAppendOnly() async throws {
        // Given a ledger entry from a report
        let h = try await Harness.make()
        _ = try await h.report(by: h.rider)
        // When something tries to edit or delete it, Then the schema refuses
        try await h.db.write { db in
            #expect(throws: DatabaseError.self) { try db.execute(sql: "UPDATE ledger SET delta = 100") }
            #expect(throws: DatabaseError.self) { try db.execute(sql: "DELETE FROM ledger") }
        }
        #expect(try await h.ledgerCount() == 1)
    }

    @Test("commands inside read are refused by SQLite")
    func readIsReadOnly() async throws {
        // Given a store
        let h = try await Harness.make()
        let riderID = h.rider.id!
        // When a command runs in a read, Then it throws and nothing is written
        await #expect(throws: DatabaseError.self) {
            try await h.store.read { tx in
                try tx.createItem(NewItem(kind: .issue, text: "x", reporterID: riderID))
            }
        }
        #expect(try await h.store.read { tx in try tx.items(status: nil, limit: 10, offset: 0) }.isEmpty)
    }

    @Test("records round-trip through the database unchanged")
    func recordRoundTrip() async throws {
        // Given an item created at a fractional time with every field set
        let h = try await Harness.make()
        h.clock.set(Date(timeIntervalSince1970: 1_767_571_200.123_456))
        let riderID = h.rider.id!
        let created = try await h.run { tx in
            try tx.createItem(
                NewItem(
                    kind: .suggestion, category: "lighting",
                    location: Location(
                        estate: "Longxi", building: "3", unit: "2", room: "301", landmark: "gate", grid: "A", lat: 22.7,
                        lon: 114.2), text: "more lights", reporterID: riderID,
                    source: ItemSource(channel: "wecom", group: "g1", messageID: "m1")))
        }
        // When it is fetched back, Then it equals what the command returned
        #expect(try await h.item(created.item.id!) == created.item)
    }
}
