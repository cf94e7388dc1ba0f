import GRDB

/// The board's schema as named, append-only migrations. Written with table and column strings,
/// never record types, so a later change to a struct cannot change what an old migration does;
/// never edit a released migration, append a new one. The schema states the invariants (NOT NULL,
/// foreign keys, CHECKs on state names, unique keys) because SQLite enforces them even where our
/// code has a bug.
enum BoardSchema {
    /// All migrations, in order.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-board", migrate: createBoard)
        migrator.registerMigration("v1-queues", migrate: createQueues)
        migrator.registerMigration("v1-conversation", migrate: createConversation)
        migrator.registerMigration("v2-board-pages", migrate: createBoardPages)
        migrator.registerMigration("v2-photos", migrate: createPhotoDownloads)
        migrator.registerMigration("v2-sessions", migrate: createSessions)
        migrator.registerMigration("v3-crash-guard", migrate: createCrashGuard)
        migrator.registerMigration("v4-adopted", migrate: allowAdoptedEvents)
        migrator.registerMigration("v5-turns-by-sender", migrate: indexTurnsBySender)
        migrator.registerMigration("v6-schedule", migrate: createSchedule)
        migrator.registerMigration("v7-parked-turns-by-sender", migrate: indexParkedTurnsBySender)
        migrator.registerMigration("v8-departments", migrate: createDepartmentRequests)
        migrator.registerMigration("v9-duplicates", migrate: createDuplicates)
        migrator.registerMigration("v10-wishes", migrate: addWishApproval)
        migrator.registerMigration("v11-setup", migrate: createSetup)
        migrator.registerMigration("v13-item-news", migrate: addItemNews)
        return migrator
    }

    private static func createBoard(_ db: Database) throws {
        try db.create(table: "members") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("platform_id", .text).notNull().unique()
            t.column("name", .text).notNull()
            t.column("role", .text).notNull()
                .check(sql: "role IN ('rider', 'member', 'secretary', 'grid_worker', 'resident')")
            t.column("grid", .text)
            t.column("created_at", .double).notNull()
            t.column("registered_at", .double)
        }

        try db.create(table: "items") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("kind", .text).notNull().check(sql: "kind IN ('issue', 'wish', 'suggestion')")
            t.column("category", .text)
            t.column("estate", .text)
            t.column("building", .text)
            t.column("unit", .text)
            t.column("room", .text)
            t.column("landmark", .text)
            t.column("grid", .text)
            t.column("lat", .double)
            t.column("lon", .double)
            t.column("text", .text).notNull()
            t.column("status", .text).notNull()
                .check(
                    sql:
                        "status IN ('open', 'claimed', 'submitted', 'closed', 'escalated', 'merged', 'cancelled')"
                )
            t.column("reporter_id", .integer).notNull().references("members")
            t.column("claimant_id", .integer).references("members")
            t.column("created_at", .double).notNull()
            t.column("claimed_at", .double)
            t.column("submitted_at", .double)
            t.column("closed_at", .double)
            t.column("due_at", .double)
            t.column("duplicate_of", .integer).references("items")
            t.column("escalated_to", .text)
            t.column("source_channel", .text)
            t.column("source_group", .text)
            t.column("source_message_id", .text)
            // A held item always has its holder; a merged one always points at its original.
            t.check(sql: "status NOT IN ('claimed', 'submitted') OR claimant_id IS NOT NULL")
            t.check(sql: "status <> 'merged' OR duplicate_of IS NOT NULL")
        }
        try db.create(index: "items_on_status_created_at", on: "items", columns: ["status", "created_at"])
        try db.create(index: "items_on_claimant_id_status", on: "items", columns: ["claimant_id", "status"])
        try db.create(index: "items_on_grid_status", on: "items", columns: ["grid", "status"])
        try db.create(index: "items_on_reporter_id", on: "items", columns: ["reporter_id"])
        try db.create(index: "items_on_duplicate_of", on: "items", columns: ["duplicate_of"])

        try createTimeline(
            db, named: "timeline_events",
            actions: [
                "created", "claimed", "released", "submitted", "verified", "returned", "escalated", "resolved",
                "merged",
                "cancelled", "assigned", "photo_added", "located",
            ])
        try db.create(index: "timeline_events_on_item_id", on: "timeline_events", columns: ["item_id", "at"])

        try db.create(table: "photos") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("item_id", .integer).notNull().references("items")
            t.column("url", .text).notNull()
            t.column("local_path", .text)
            t.column("sha256", .text)
            t.column("added_at", .double).notNull()
            t.column("added_by", .integer).references("members")
        }
        try db.create(index: "photos_on_item_id", on: "photos", columns: ["item_id"])

        try db.create(table: "ledger") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("member_id", .integer).notNull().references("members")
            t.column("board", .text).notNull()
                .check(sql: "board IN ('reports', 'service', 'exchange', 'donation')")
            t.column("delta", .integer).notNull().check(sql: "delta <> 0")
            t.column("reason", .text).notNull()
                .check(
                    sql: """
                        reason IN ('report_accepted', 'report_verified', 'task_verified', 'duplicate', \
                        'report_invalid', 'suggestion_adopted', 'exchange', 'donation', 'adjustment')
                        """
                )
            t.column("item_id", .integer).references("items")
            t.column("created_at", .double).notNull()
        }
        try db.create(index: "ledger_on_member_id", on: "ledger", columns: ["member_id"])
        try db.create(index: "ledger_on_created_at", on: "ledger", columns: ["created_at"])
        try db.create(index: "ledger_on_item_id", on: "ledger", columns: ["item_id"])
        // Append-only: a correction is a new entry, so every balance stays explainable.
        try db.execute(
            sql: """
                CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger
                BEGIN SELECT RAISE(ABORT, 'ledger is append-only'); END;
                CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger
                BEGIN SELECT RAISE(ABORT, 'ledger is append-only'); END;
                """
        )
    }

    private static func createQueues(_ db: Database) throws {
        try db.create(table: "inbox") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("channel", .text).notNull()
            t.column("platform_message_id", .text).notNull()
            t.column("group_id", .text).notNull()
            t.column("sender_id", .text).notNull()
            t.column("payload", .text).notNull()
            t.column("received_at", .double).notNull()
            t.column("state", .text).notNull().check(sql: "state IN ('pending', 'processed', 'failed')")
            t.column("error", .text)
            t.column("processed_at", .double)
        }
        // A platform's retry of the same message must be stored once (design section 6).
        try db.create(
            index: "inbox_on_channel_platform_message_id", on: "inbox",
            columns: ["channel", "platform_message_id"], options: .unique)
        try db.create(index: "inbox_on_state", on: "inbox", columns: ["state", "id"])

        try db.create(table: "outbox") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("channel", .text).notNull()
            t.column("target", .text).notNull()
            t.column("payload", .text).notNull()
            t.column("status", .text).notNull().check(sql: "status IN ('pending', 'sent', 'failed')")
            t.column("attempts", .integer).notNull().defaults(to: 0).check(sql: "attempts >= 0")
            t.column("next_attempt_at", .double).notNull()
            t.column("last_error", .text)
            t.column("created_at", .double).notNull()
            t.column("sent_at", .double)
            t.column("inbox_id", .integer).references("inbox")
        }
        try db.create(index: "outbox_on_status_next_attempt_at", on: "outbox", columns: ["status", "next_attempt_at"])
    }

    /// What the server remembers of a group's recent talk: turns for joining photos to text,
    /// questions asked once, and messages held for the secretary's review.
    private static func createConversation(_ db: Database) throws {
        try db.create(table: "conversation_turns") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("inbox_id", .integer).notNull().unique().references("inbox")
            t.column("channel", .text).notNull()
            t.column("group_id", .text).notNull()
            t.column("sender_id", .text).notNull()
            t.column("role", .text).notNull()
            t.column("at", .double).notNull()
            t.column("text", .text).notNull()
            t.column("image_urls", .text).notNull()
            t.column("lat", .double)
            t.column("lon", .double)
            t.column("location_label", .text)
            t.column("intent", .text)
            t.column("item_id", .integer).references("items")
            t.column("state", .text).notNull().check(sql: "state IN ('done', 'parked')")
        }
        try db.create(
            index: "conversation_turns_on_group_at", on: "conversation_turns", columns: ["channel", "group_id", "at"])
        try db.create(index: "conversation_turns_on_state_at", on: "conversation_turns", columns: ["state", "at"])

        try db.create(table: "questions") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("channel", .text).notNull()
            t.column("group_id", .text).notNull()
            t.column("sender_id", .text).notNull()
            t.column("item_id", .integer).notNull().references("items")
            t.column("field", .text).notNull().check(sql: "field IN ('place')")
            t.column("asked_at", .double).notNull()
            t.column("answered_at", .double)
        }
        try db.create(
            index: "questions_on_sender", on: "questions", columns: ["channel", "group_id", "sender_id", "asked_at"])

        try db.create(table: "reviews") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("inbox_id", .integer).notNull().unique().references("inbox")
            t.column("channel", .text).notNull()
            t.column("group_id", .text).notNull()
            t.column("sender_id", .text).notNull()
            t.column("text", .text).notNull()
            t.column("image_urls", .text).notNull()
            t.column("parse", .text).notNull()
            t.column("reason", .text).notNull().check(sql: "reason IN ('low_confidence', 'missing_place')")
            t.column("status", .text).notNull().check(sql: "status IN ('open', 'resolved', 'ignored')")
            t.column("created_at", .double).notNull()
            t.column("resolved_at", .double)
            t.column("resolved_by", .integer).references("members")
            t.column("item_id", .integer).references("items")
        }
        try db.create(index: "reviews_on_status", on: "reviews", columns: ["status", "created_at"])
    }
}
