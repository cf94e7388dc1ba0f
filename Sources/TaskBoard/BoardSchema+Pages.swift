import GRDB

extension BoardSchema {
    /// What the secretary's board needs: indexes for its list filters, registrations to approve,
    /// activities for the yearly duty.
    static func createBoardPages(_ db: Database) throws {
        // The list's default order (newest first) and the overview's "reported this week". SQLite
        // appends the rowid (the item number) to every index, so this one also serves the
        // `created_at DESC, id DESC` tie-break without a sort.
        try db.create(index: "items_on_created_at", on: "items", columns: ["created_at"])
        // Equality filters of the list, each ending in created_at so a filtered page in the default
        // order is read off the index instead of sorted.
        try db.create(index: "items_on_category_created_at", on: "items", columns: ["category", "created_at"])
        try db.create(index: "items_on_estate_created_at", on: "items", columns: ["estate", "created_at"])
        try db.create(index: "items_on_kind_created_at", on: "items", columns: ["kind", "created_at"])
        try db.create(index: "items_on_grid_created_at", on: "items", columns: ["grid", "created_at"])
        // Overdue (active states, due_at < now) and the week's closings (status 'closed', closed_at in
        // the week) need the state and the date in one index: with the v1 (status, created_at) index
        // SQLite walks every closed item of all time to count a week's closings.
        try db.create(index: "items_on_status_due_at", on: "items", columns: ["status", "due_at"])
        try db.create(index: "items_on_status_closed_at", on: "items", columns: ["status", "closed_at"])
        // The "due soonest" and "recently closed" orders over any states.
        try db.create(index: "items_on_due_at", on: "items", columns: ["due_at"])
        try db.create(index: "items_on_closed_at", on: "items", columns: ["closed_at"])

        // The members page sums every member's ledger per board and counts each member's verified
        // tasks of the year; through ledger_on_member_id alone both jump between index and table for
        // 200,000 entries (over a second), with these they read one index each.
        try db.create(index: "ledger_on_member_id_board_delta", on: "ledger", columns: ["member_id", "board", "delta"])
        try db.create(
            index: "ledger_on_reason_member_id_created_at", on: "ledger",
            columns: ["reason", "member_id", "created_at"])

        // Substring search over the report's words and place. LIKE '%…%' scans every row (about
        // 60 ms at 100,000 items on the 2-core development machine); the trigram index answers
        // needles of three or more characters in milliseconds. It cannot look up shorter ones, which
        // fall back to LIKE. External content (no second copy of the text), kept in step by triggers
        // so that every write path, SQL shell included, updates it.
        try db.execute(
            sql: """
                CREATE VIRTUAL TABLE items_search USING fts5(
                    text, estate, building, landmark, content = 'items', content_rowid = 'id', tokenize = 'trigram');
                CREATE TRIGGER items_search_insert AFTER INSERT ON items BEGIN
                    INSERT INTO items_search (rowid, text, estate, building, landmark)
                    VALUES (new.id, new.text, new.estate, new.building, new.landmark);
                END;
                CREATE TRIGGER items_search_delete AFTER DELETE ON items BEGIN
                    INSERT INTO items_search (items_search, rowid, text, estate, building, landmark)
                    VALUES ('delete', old.id, old.text, old.estate, old.building, old.landmark);
                END;
                CREATE TRIGGER items_search_update AFTER UPDATE OF text, estate, building, landmark ON items
                WHEN old.text IS NOT new.text OR old.estate IS NOT new.estate
                    OR old.building IS NOT new.building OR old.landmark IS NOT new.landmark
                BEGIN
                    INSERT INTO items_search (items_search, rowid, text, estate, building, landmark)
                    VALUES ('delete', old.id, old.text, old.estate, old.building, old.landmark);
                    INSERT INTO items_search (rowid, text, estate, building, landmark)
                    VALUES (new.id, new.text, new.estate, new.building, new.landmark);
                END;
                INSERT INTO items_search (items_search) VALUES ('rebuild');
                """)

        // A registration (baodao) waits for the secretary's approval. Rows registered before this
        // migration stay unapproved: the secretary confirms them once, as nobody checked them before.
        try db.alter(table: "members") { t in
            t.add(column: "approved_at", .double)
            t.add(column: "approved_by", .integer).references("members")
        }

        // Party members' activities, for the yearly duty: at least one activity and one completed
        // task a year (design section 1).
        try db.create(table: "activities") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("member_id", .integer).notNull().references("members")
            t.column("name", .text).notNull().check(sql: "length(trim(name)) > 0")
            t.column("held_on", .double).notNull()
            t.column("recorded_by", .integer).references("members")
            t.column("created_at", .double).notNull()
        }
        try db.create(index: "activities_on_member_id_held_on", on: "activities", columns: ["member_id", "held_on"])
        try db.create(index: "activities_on_held_on", on: "activities", columns: ["held_on"])
        // What an exchange bought; adding a column is not an UPDATE, so the append-only triggers allow it.
        try db.alter(table: "ledger") { t in t.add(column: "note", .text) }
        // The simulator's transcript of one group, and the board's "last group a member wrote in".
        try db.create(index: "inbox_on_channel_group_id", on: "inbox", columns: ["channel", "group_id", "id"])
        try db.create(index: "inbox_on_sender_id", on: "inbox", columns: ["sender_id", "id"])
        try db.create(index: "outbox_on_channel_target", on: "outbox", columns: ["channel", "target", "id"])
    }
}
