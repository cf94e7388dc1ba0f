import Foundation
import GRDB

// The photo downloader's queue: photos are their own queue rows, so a download survives restarts
// and a failure stays visible on the item page.
extension BoardQueue {
    /// Photos due for downloading (pending, next attempt not after now), oldest first.
    public func duePhotos(limit: Int) throws -> [Photo] {
        try due(Photo.self, limit: limit)
    }

    /// When the downloader should wake next: the earliest next attempt among pending photos.
    public func nextPhotoDue() throws -> Date? {
        try nextDue(Photo.self)
    }

    /// The download succeeded; counts as an attempt and clears the last error.
    public func markPhotoStored(
        id: Int64, localPath: String, sha256: String, contentType: String, byteSize: Int, thumbPath: String?
    ) throws {
        try db.cachedStatement(
            sql: """
                UPDATE photos SET status = 'stored', attempts = attempts + 1, begun = MAX(begun, attempts + 1), last_error = NULL, local_path = ?,
                sha256 = ?, content_type = ?, byte_size = ?, thumb_path = ? WHERE id = ?
                """
        ).execute(arguments: [localPath, sha256, contentType, byteSize, thumbPath, id])
        guard db.changesCount > 0 else { throw StoreError.noSuchPhoto(id) }
    }

    /// A download attempt failed: counts it and keeps the error; retries at `retryAt`, or gives up
    /// (status failed, shown on the item page) when it is nil.
    public func markPhotoAttemptFailed(id: Int64, error: String, retryAt: Date?) throws {
        guard try recordFailedAttempt("photos", id: id, error: error, retryAt: retryAt) else {
            throw StoreError.noSuchPhoto(id)
        }
    }

    /// The board's retry button: a failed photo is due again now with a fresh count of attempts (the
    /// last error stays until the next attempt). False when the photo was not failed.
    @discardableResult
    public func retryPhoto(id: Int64) throws -> Bool {
        try db.cachedStatement(
            sql: """
                UPDATE photos SET status = 'pending', attempts = 0, begun = 0, quarantined_at = NULL, next_attempt_at = ?
                WHERE id = ? AND status = 'failed'
                """
        ).execute(arguments: [BoardTransaction.seconds(now), id])
        if db.changesCount > 0 { return true }
        guard try Photo.exists(db, key: id) else { throw StoreError.noSuchPhoto(id) }
        return false
    }
}
