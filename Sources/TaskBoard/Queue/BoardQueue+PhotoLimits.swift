import Foundation
import GRDB

// What the downloader's limits need of the queue: a photo's place among its item's photos, and a
// way to make one wait without spending one of its attempts.
extension BoardQueue {
    /// How many photos of the same item were added before this one.
    public func photosBefore(id: Int64) throws -> Int {
        try Int.fetchOne(
            db.cachedStatement(
                sql: "SELECT COUNT(*) FROM photos WHERE item_id = (SELECT item_id FROM photos WHERE id = ?) AND id < ?"),
            arguments: [id, id]) ?? 0
    }

    /// A pending photo waits until `until`, `reason` shown as its last error; the attempt its claim
    /// began is taken back, since no download was tried.
    public func deferPhoto(id: Int64, until: Date, reason: String) throws {
        try db.cachedStatement(
            sql:
                "UPDATE photos SET next_attempt_at = ?, last_error = ?, begun = attempts WHERE id = ? AND status = 'pending'"
        ).execute(arguments: [BoardTransaction.seconds(until), reason, id])
        guard db.changesCount > 0 else { throw StoreError.noSuchPhoto(id) }
    }
}

extension BoardStore {
    public func photosBefore(id: Int64) async throws -> Int {
        try await read { tx in try tx.queue.photosBefore(id: id) }
    }

    public func deferPhoto(id: Int64, retryAfter: Double, reason: String) async throws {
        try await write { tx in
            let queue = tx.queue
            try queue.deferPhoto(id: id, until: queue.now.addingTimeInterval(retryAfter), reason: reason)
        }
    }
}
