import Foundation
import GRDB

extension BoardTransaction {
    /// The slot a job last ran for; nil before its first run.
    public func lastSlot(ofJob name: String) throws -> Date? {
        try Double.fetchOne(
            db.cachedStatement(sql: "SELECT last_slot FROM job_runs WHERE name = ?"), arguments: [name]
        ).map { Date(timeIntervalSince1970: $0) }
    }

    /// Remembers that a job ran for `slot`, in the same transaction as what it sent.
    public func recordRun(ofJob name: String, slot: Date) throws {
        try db.execute(
            sql: """
                INSERT INTO job_runs (name, last_slot, ran_at) VALUES (?, ?, ?)
                ON CONFLICT(name) DO UPDATE SET last_slot = excluded.last_slot, ran_at = excluded.ran_at
                """, arguments: [name, Self.seconds(slot), Self.seconds(now)])
    }

    /// Marks a reminder sent; false when it was sent before, so the caller sends nothing.
    public func markSent(_ watch: ItemWatch, itemID: Int64) throws -> Bool {
        try db.execute(
            sql: "INSERT OR IGNORE INTO reminders (item_id, kind, cycle, sent_at) VALUES (?, ?, ?, ?)",
            arguments: [itemID, watch.kind.rawValue, Self.seconds(watch.cycle), Self.seconds(now)])
        return db.changesCount > 0
    }

    /// What the calendar watches, each item with its latest timeline event, bounded by `limit`. For
    /// `.deadlines`, items with a deadline whose overdue notice is not sent yet, earliest deadline
    /// first; for `.claims`, claimed items whose claim was not released yet, oldest claim first. An item
    /// done with drops out, so a page of long-overdue items never hides the newer ones.
    public func watchedItems(_ watch: ItemWatch.Scope, limit: Int) throws -> [(item: Item, lastActivity: Date?)] {
        let (filter, order): (String, String) =
            switch watch {
            case .deadlines:
                (
                    """
                    status IN ('open', 'claimed', 'submitted') AND due_at IS NOT NULL AND NOT EXISTS
                    (SELECT 1 FROM reminders WHERE item_id = items.id AND kind = 'overdue' AND cycle = items.due_at)
                    """, "due_at, id"
                )
            case .claims:
                ("status = 'claimed' AND claimed_at IS NOT NULL", "claimed_at, id")
            }
        let rows = try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT items.*, (SELECT MAX(at) FROM timeline_events WHERE item_id = items.id) AS last_activity
                    FROM items WHERE \(filter) ORDER BY \(order) LIMIT ?
                    """), arguments: [limit])
        return try rows.map { row in
            (try Item(row: row), (row["last_activity"] as Double?).map { Date(timeIntervalSince1970: $0) })
        }
    }

    /// The community takes back a claim nobody worked on: the item is open again, the timeline says
    /// why, and no points move.
    public func expireClaim(itemID: Int64) throws -> Outcome {
        try atomically {
            var item = try requireItem(itemID)
            guard item.status == .claimed else { throw wrongState(item, ItemAction.release.rawValue) }
            item.status = .open
            item.claimantID = nil
            item.claimedAt = nil
            try save(item, .released, by: nil, note: "expired")
            return Outcome(item: item)
        }
    }
}
