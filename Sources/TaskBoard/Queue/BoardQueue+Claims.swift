import Foundation
import GRDB

// Claiming queue rows under CrashGuard's rule. The three queues differ only in their SQL.
extension BoardQueue {
    /// Pending inbox messages to process now (their attempts counted), in arrival order.
    public func claimInbox(limit: Int) throws -> Claim<InboxMessage> {
        try claimed(.inbox, limit: limit, id: \.id)
    }

    /// Replies due for sending now (their attempts counted as begun), in queue order.
    public func claimOutbox(limit: Int) throws -> Claim<OutboxMessage> {
        try claimed(.outbox(now: BoardTransaction.seconds(now)), limit: limit, id: \.id)
    }

    /// Photos due for downloading now (their attempts counted as begun), oldest first.
    public func claimPhotos(limit: Int) throws -> Claim<Photo> {
        try claimed(.photos(now: BoardTransaction.seconds(now)), limit: limit, id: \.id)
    }

    /// Quarantined rows per queue, for start-up and health.
    public func quarantinedCounts() throws -> (inbox: Int, outbox: Int, photos: Int) {
        func count(_ table: String) throws -> Int {
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE quarantined_at IS NOT NULL") ?? 0
        }
        return (try count("inbox"), try count("outbox"), try count("photos"))
    }

    /// Inbox messages set aside for crashing the process, newest first.
    public func quarantinedInbox(limit: Int) throws -> [InboxMessage] {
        try InboxMessage.fetchAll(
            db, sql: "SELECT * FROM inbox WHERE quarantined_at IS NOT NULL ORDER BY id DESC LIMIT ?", arguments: [limit]
        )
    }

    /// The board's retry: a quarantined inbox message is pending again with a fresh count (after an
    /// upgrade that fixed what killed it). False when the message was not quarantined.
    @discardableResult
    public func retryQuarantinedInbox(id: Int64) throws -> Bool {
        try db.execute(
            sql: """
                UPDATE inbox SET state = 'pending', attempts = 0, error = NULL, processed_at = NULL, quarantined_at = NULL
                WHERE id = ? AND quarantined_at IS NOT NULL
                """, arguments: [id])
        return db.changesCount > 0
    }

    private struct ClaimSpec {
        static let inbox = ClaimSpec(
            table: "inbox", due: "state = 'pending'", unfinished: "attempts", begin: "attempts = attempts + 1",
            quarantine: "state = 'failed', error = ?, processed_at = ?")

        static func outbox(now: Double) -> ClaimSpec {
            ClaimSpec(
                table: "outbox", due: "status = 'pending' AND next_attempt_at <= \(now)",
                unfinished: "MAX(begun - attempts, 0)", begin: "begun = begun + 1",
                quarantine: "status = 'failed', last_error = ?, next_attempt_at = ?")
        }

        static func photos(now: Double) -> ClaimSpec {
            ClaimSpec(
                table: "photos", due: "status = 'pending' AND next_attempt_at <= \(now)",
                unfinished: "MAX(begun - attempts, 0)", begin: "begun = begun + 1",
                quarantine: "status = 'failed', last_error = ?, next_attempt_at = ?")
        }

        var table: String
        /// WHERE clause of rows due for work.
        var due: String
        /// Attempts begun and not finished.
        var unfinished: String
        /// SET clause counting a begun attempt.
        var begin: String
        /// SET clause failing a row; binds the reason and the time.
        var quarantine: String
    }

    private func claimed<Record: FetchableRecord & TableRecord & Sendable>(
        _ spec: ClaimSpec, limit: Int, id: (Record) -> Int64?
    ) throws -> Claim<Record> {
        let claim = try claim(spec, limit: limit)
        let rows = try Record.fetchAll(db, keys: claim.ids).sorted { (id($0) ?? 0) < (id($1) ?? 0) }
        return Claim(rows: rows, quarantined: claim.quarantined)
    }

    private func claim(_ spec: ClaimSpec, limit: Int) throws -> (ids: [Int64], quarantined: [Int64]) {
        var quarantined: [Int64] = []
        while true {
            let due = try Row.fetchAll(
                db,
                sql:
                    "SELECT id, \(spec.unfinished) AS unfinished FROM \(spec.table) WHERE \(spec.due) ORDER BY id LIMIT ?",
                arguments: [max(limit, 1)])
            guard let first = due.first else { return ([], quarantined) }
            let firstID: Int64 = first["id"]
            let firstUnfinished: Int = first["unfinished"]
            if firstUnfinished >= CrashGuard.maxCrashes {
                try db.execute(
                    sql: "UPDATE \(spec.table) SET \(spec.quarantine), quarantined_at = ? WHERE id = ?",
                    arguments: [
                        CrashGuard.reason, BoardTransaction.seconds(now), BoardTransaction.seconds(now), firstID,
                    ])
                quarantined.append(firstID)
                continue
            }
            // After a crash, one row at a time until the rows the dead process had claimed are through.
            let ids: [Int64] =
                firstUnfinished > 0
                ? [firstID]
                : due.prefix { ($0["unfinished"] as Int) == 0 }.map { $0["id"] }
            try db.execute(
                sql:
                    "UPDATE \(spec.table) SET \(spec.begin) WHERE id IN (\(ids.map { _ in "?" }.joined(separator: ",")))",
                arguments: StatementArguments(ids))
            return (ids, quarantined)
        }
    }
}
