/// Photo downloads as the photo worker and the board's file server see them: each call is one
/// transaction of its own, times measured on the store's clock.
///
/// `BoardStore` implements it over SQLite; a PostgreSQL store implements the same requirements and
/// plugs into the server as `any PhotoQueue`. Photos are queued when a board command attaches them
/// to an item, in that command's transaction.
public protocol PhotoQueue: Sendable {
    /// One photo with its download state.
    func photo(id: Int64) async throws -> Photo?

    /// Photos due for downloading now, oldest first, their attempts counted as begun under
    /// `CrashGuard`'s rule.
    func claimPhotos(limit: Int) async throws -> Claim<Photo>

    /// The download succeeded: where the file and its thumbnail are, and what it is.
    func markPhotoStored(
        id: Int64, localPath: String, sha256: String, contentType: String, byteSize: Int, thumbPath: String?
    ) async throws

    /// A download attempt failed: it is counted with its error and retried `retryAfter` seconds from
    /// now, or given up (failed, shown on the item page) when that is nil.
    func markPhotoAttemptFailed(id: Int64, error: String, retryAfter: Double?) async throws

    /// Seconds until the earliest pending photo is due (zero or less: due now); nil when none waits.
    func secondsUntilNextPhoto() async throws -> Double?

    /// How many photos of the same item were added before this one (the per-item limit).
    func photosBefore(id: Int64) async throws -> Int

    /// A claimed photo waits `retryAfter` seconds without spending an attempt (a rate limit), with
    /// `reason` shown as its last error.
    func deferPhoto(id: Int64, retryAfter: Double, reason: String) async throws
}
