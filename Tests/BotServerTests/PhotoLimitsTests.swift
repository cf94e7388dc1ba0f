import Foundation
import Logging
import Testing

@testable import BotServer
@testable import TaskBoard

/// Issue 11, item 7 (rest): photos per item, downloads per sender and hour, and the storage quota.
/// Each limit leaves a visible trace: a failed photo with its reason, a waiting one, an error line.
@Suite struct PhotoLimitsTests {
    private struct Bench {
        let store: BoardStore
        let worker: PhotoWorker
        let storage: PhotoStorage

        init(configure: (inout PhotoSettings) -> Void, logger: Logger = quietLogger()) throws {
            store = try BoardStore.inMemory()
            storage = PhotoStorage(storagePath: temporaryDirectory())
            var settings = PhotoSettings()
            configure(&settings)
            worker = PhotoWorker(
                store: store,
                fetcher: PhotoFetcher(settings: settings, publicDirectory: ResourceLocator.resolve("public")),
                storage: storage, signal: WorkSignal(), settings: settings, logger: logger)
        }

        /// Items by `sender`, each with `photos` sample photos; the photo ids in order.
        func file(items: Int, photos: Int, sender: String = "r-1") async throws -> [Int64] {
            try await store.write { tx in
                let rider = try tx.upsertMember(platformID: sender, name: sender, role: .rider, grid: "G1")
                var ids: [Int64] = []
                for _ in 0..<items {
                    let outcome = try tx.createItem(
                        NewItem(
                            kind: .issue, location: Location(grid: "G1"), text: "井盖坏了", reporterID: rider.id!,
                            photoURLs: Array(repeating: "sim-sample:manhole.jpg", count: photos)))
                    ids += try tx.detail(itemID: outcome.item.id!)!.photos.map { $0.id! }
                }
                return ids
            }
        }

        func photos(_ ids: [Int64]) async throws -> [Photo] {
            try await store.read { tx in try ids.compactMap { try tx.photo(id: $0) } }
        }
    }

    @Test func anItemKeepsAtMostItsLimit() async throws {
        let bench = try Bench { $0.maxPerItem = 2 }
        defer { try? FileManager.default.removeItem(atPath: bench.storage.root) }
        let ids = try await bench.file(items: 1, photos: 3)
        _ = await bench.worker.drain()
        let photos = try await bench.photos(ids)
        #expect(photos.map(\.status) == [.stored, .stored, .failed])
        #expect(photos[2].lastError?.contains("photos.max_per_item") == true)
    }

    /// Over the hourly rate a sender's photo waits, pending, with no attempt spent; another sender's
    /// photo is fetched meanwhile.
    @Test func aSendersDownloadsAreRateLimited() async throws {
        let bench = try Bench { $0.maxPerSenderPerHour = 2 }
        defer { try? FileManager.default.removeItem(atPath: bench.storage.root) }
        let busy = try await bench.file(items: 3, photos: 1, sender: "busy")
        let other = try await bench.file(items: 1, photos: 1, sender: "other")
        _ = await bench.worker.drain()
        let photos = try await bench.photos(busy)
        #expect(photos.filter { $0.status == .stored }.count == 2)
        let waiting = try #require(photos.first { $0.status == .pending })
        #expect(waiting.attempts == 0)
        #expect(waiting.lastError?.contains("photos.max_per_sender_per_hour") == true)
        #expect(waiting.nextAttemptAt > Date().addingTimeInterval(3000))
        #expect(try await bench.photos(other).map(\.status) == [.stored])
        let quarantined = try await bench.store.read { tx in try tx.queue.quarantinedCounts().photos }
        #expect(quarantined == 0, "a deferral is not a crashed attempt")
    }

    /// A full quota marks the download failed, where the board shows it, with an error line naming the key.
    @Test func aFullQuotaFailsVisiblyAndSaysSo() async throws {
        let lines = RecordingLogHandler.Lines()
        let bench = try Bench(
            configure: { $0.maxStorageMegabytes = 1 },
            logger: Logger(label: "test") { _ in RecordingLogHandler(lines: lines) })
        defer { try? FileManager.default.removeItem(atPath: bench.storage.root) }
        let folder = bench.storage.root + "/photos/00"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(count: 1 << 20).write(to: URL(fileURLWithPath: folder + "/filler.jpg"))
        let ids = try await bench.file(items: 1, photos: 1)
        _ = await bench.worker.drain()
        let photo = try #require(try await bench.photos(ids).first)
        #expect(photo.status == .failed)
        #expect(photo.lastError?.contains("photos.max_storage_mb") == true)
        #expect(lines.all.contains { $0.message.hasPrefix("photo.quota_reached") })
    }
}
