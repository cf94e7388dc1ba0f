import Foundation
import Logging
import TaskBoard

/// Downloads the photos that messages point at, in the background so a slow image server never holds
/// up a message: each pending photo is fetched, stored content-addressed with a thumbnail, and marked
/// stored; a failure is retried with backoff, or marked failed at once when retrying cannot help.
struct PhotoWorker: PollingWorker {
    /// Longest wait between two attempts, whatever the attempt count.
    static let maxRetryDelaySeconds = 3600.0

    let store: any PhotoQueue
    let fetcher: PhotoFetcher
    let storage: PhotoStorage
    /// Notified when photos were added; also woken by `pollInterval`.
    let signal: WorkSignal
    let settings: PhotoSettings
    let logger: Logger
    var pollInterval: Duration = .seconds(5)
    /// Downloads running at once.
    var concurrency = 4
    var metrics: ServerMetrics?
    /// Downloads per sender and the bytes stored, for `photos.max_per_sender_per_hour` and `max_storage_mb`.
    var limits = PhotoLimits()

    static let queueName = "photo"

    func claim() async throws -> Claim<Photo> {
        try await store.claimPhotos(limit: 32)
    }

    /// Attempts a batch `concurrency` at a time.
    func work(_ due: [Photo]) async -> PolledBatch {
        let settled = await withTaskGroup(of: Bool.self) { group in
            var settled = true
            for (index, photo) in due.enumerated() {
                if index >= concurrency, let done = await group.next() { settled = settled && done }
                group.addTask { await download(photo) }
            }
            for await done in group { settled = settled && done }
            return settled
        }
        return PolledBatch(count: due.count, claimAgain: settled)
    }

    /// Delay before attempt `n + 1` after `n` failures: base, 2·base, 4·base … up to the cap.
    func backoff(afterFailures failures: Int) -> Double {
        min(settings.retryBaseSeconds * pow(2, Double(max(failures - 1, 0))), Self.maxRetryDelaySeconds)
    }

    func secondsUntilNextDue() async throws -> Double? {
        // Measured on the store's clock, the one due times are written in.
        try await store.secondsUntilNextPhoto()
    }

    /// Attempts one photo; false when its row could not be updated.
    private func download(_ photo: Photo) async -> Bool {
        guard let id = photo.id else { return false }
        var logger = logger
        logger[metadataKey: "photo.id"] = "\(id)"
        logger[metadataKey: "item.id"] = "\(photo.itemID)"
        logger[metadataKey: "photo.attempt"] = "\(photo.attempts + 1)"
        do {
            guard try await admitted(photo, id: id, logger: logger) else { return true }
            let image = try await fetcher.fetch(photo.url)
            let limit = settings.maxStorageMegabytes << 20
            guard await limits.reserve(image.data.count, limit: limit, root: storage.root) else {
                logger.error(
                    "photo.quota_reached: photo storage is full; downloads are marked failed until space is freed or photos.max_storage_mb is raised",
                    metadata: ["photos.max_storage_mb": "\(settings.maxStorageMegabytes)"])
                throw PhotoDownloadError.quotaReached(megabytes: settings.maxStorageMegabytes)
            }
            let stored = try await saved(image)
            try await store.markPhotoStored(
                id: id, localPath: stored.file.localPath, sha256: stored.file.sha256,
                contentType: image.format.contentType, byteSize: image.data.count, thumbPath: stored.thumbnail)
            logger.info("photo.stored", metadata: ["photo.bytes": "\(image.data.count)"])
            metrics?.photoDownload(outcome: "stored")
            return true
        } catch let error as PhotoDownloadError {
            return await recordFailure(error, of: photo, id: id, logger: logger)
        } catch {
            logger.error("photo.mark failed", metadata: ["error": "\(error)"])
            return false
        }
    }

    /// Whether the photo may be fetched now: past the item's limit it fails with the reason; over its
    /// sender's hourly rate it waits, pending, without spending an attempt.
    private func admitted(_ photo: Photo, id: Int64, logger: Logger) async throws -> Bool {
        if try await store.photosBefore(id: id) >= settings.maxPerItem {
            throw PhotoDownloadError.itemLimit(settings.maxPerItem)
        }
        guard let sender = photo.addedBy,
            let wait = await limits.admit(sender: sender, perHour: settings.maxPerSenderPerHour)
        else { return true }
        let reason = "waiting: its sender reached photos.max_per_sender_per_hour (\(settings.maxPerSenderPerHour))"
        try await store.deferPhoto(id: id, retryAfter: wait, reason: reason)
        logger.notice("photo.deferred", metadata: ["member.id": "\(sender)", "seconds": "\(Int(wait))"])
        return false
    }

    /// The image and its thumbnail on disk, written off the cooperative pool (hashing, decoding and
    /// flushing block).
    private func saved(_ image: FetchedImage) async throws(PhotoDownloadError) -> (
        file: PhotoStorage.Stored, thumbnail: String?
    ) {
        let storage = storage
        let pixels = settings.thumbnailPixels
        let logger = logger
        let result: Result<(PhotoStorage.Stored, String?), PhotoDownloadError> = await offloaded {
            Result { () throws(PhotoDownloadError) in
                let file = try storage.store(image.data, format: image.format)
                if let thumbnail = storage.existingThumbnail(sha256: file.sha256) { return (file, thumbnail) }
                guard let jpeg = Thumbnailer.jpeg(from: image.data, format: image.format, longestSide: pixels) else {
                    logger.notice("photo.thumbnail failed")
                    return (file, nil)
                }
                return (file, try storage.storeThumbnail(jpeg, sha256: file.sha256))
            }
        }
        let (file, thumbnail) = try result.get()
        return (file, thumbnail)
    }

    private func recordFailure(_ error: PhotoDownloadError, of photo: Photo, id: Int64, logger: Logger) async -> Bool {
        // Shutting down is not the photo's fault: it stays pending for the next start.
        if error == .cancelled { return false }
        let failures = photo.attempts + 1
        let givesUp = error.isPermanent || failures >= settings.maxAttempts
        let delay: Double? = givesUp ? nil : backoff(afterFailures: failures)
        let text = error.description
        do {
            try await store.markPhotoAttemptFailed(id: id, error: text, retryAfter: delay)
        } catch {
            logger.error("photo.mark failed", metadata: ["error": "\(error)"])
            return false
        }
        metrics?.photoDownload(outcome: delay == nil ? "failed" : "retry")
        if delay == nil {
            logger.warning("photo.failed", metadata: ["error": "\(text)"])
        } else {
            logger.info("photo.retry", metadata: ["error": "\(text)"])
        }
        return true
    }
}

// Apart from the type, so the memberwise initializer (the tests' way in) stays.
extension PhotoWorker {
    /// The worker as configured: `photos:` settings, samples from the `public` folder.
    init(config: AppConfig, store: any PhotoQueue, storage: PhotoStorage, signal: WorkSignal, logger: Logger) {
        self.init(
            store: store,
            fetcher: PhotoFetcher(settings: config.photos, publicDirectory: ResourceLocator.resolve(config.public)),
            storage: storage, signal: signal, settings: config.photos, logger: logger)
    }
}
