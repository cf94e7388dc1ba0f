import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BotServer
@testable import TaskBoard

/// The downloader as the server runs it: photos of real items, a real image server, the store's
/// clock moved by hand between attempts.
@Suite struct PhotoWorkerTests {
    /// A store with one item per URL, a worker on a fresh folder, and the clock that drives retries.
    private struct Bench {
        let store: BoardStore
        let worker: PhotoWorker
        let storage: PhotoStorage
        let clock: ManualClock
        let photoIDs: [Int64]

        init(urls: [String], configure: (inout PhotoSettings) -> Void = { _ in }) async throws {
            clock = ManualClock()
            store = try BoardStore.inMemory(clock: clock.now)
            storage = PhotoStorage(storagePath: temporaryDirectory())
            var settings = PhotoSettings()
            settings.allowPrivateAddresses = true
            settings.maxBytes = 100_000
            // Generous: the whole suite runs at once on few cores, and only a hang should hit it.
            settings.timeoutSeconds = 120
            settings.maxAttempts = 3
            settings.retryBaseSeconds = 30
            configure(&settings)
            worker = PhotoWorker(
                store: store,
                fetcher: PhotoFetcher(settings: settings, publicDirectory: ResourceLocator.resolve("public")),
                storage: storage, signal: WorkSignal(), settings: settings, logger: quietLogger())
            photoIDs = try await store.write { tx in
                let rider = try tx.upsertMember(platformID: "r-1", name: "Rider", role: .rider, grid: "G1")
                return try urls.map { url in
                    let outcome = try tx.createItem(
                        NewItem(
                            kind: .issue, location: Location(grid: "G1"), text: "井盖坏了", reporterID: rider.id!,
                            photoURLs: [url]))
                    return try tx.detail(itemID: outcome.item.id!)!.photos[0].id!
                }
            }
        }

        func photo(_ index: Int = 0) async throws -> Photo {
            let id = photoIDs[index]
            return try #require(try await store.read { tx in try tx.photo(id: id) })
        }

        func cleanUp() { try? FileManager.default.removeItem(atPath: storage.root) }
    }

    @Test func storesAnImageOnceUnderItsHashWithAThumbnail() async throws {
        try await PhotoServer().run { base in
            // Given two photos whose URLs differ and whose bytes are the same
            let bench = try await Bench(urls: ["\(base)/img.jpg", "\(base)/copy.jpg"])
            defer { bench.cleanUp() }
            // When the worker runs
            #expect(await bench.worker.drain() == 2)
            // Then both are stored under the SHA-256 of the bytes, as one file, and keep their URLs
            let sha = SHA256.hash(data: PhotoServer.jpeg).map { String(format: "%02x", $0) }.joined()
            let first = try await bench.photo(0)
            let second = try await bench.photo(1)
            #expect(first.status == .stored && second.status == .stored)
            #expect(first.url == "\(base)/img.jpg" && second.url == "\(base)/copy.jpg")
            #expect(first.sha256 == sha && second.sha256 == sha)
            #expect(first.localPath == "photos/\(sha.prefix(2))/\(sha).jpg")
            #expect(second.localPath == first.localPath)
            #expect(first.contentType == "image/jpeg" && first.byteSize == PhotoServer.jpeg.count)
            #expect(first.attempts == 1 && first.lastError == nil)
            let folder = bench.storage.absolutePath("photos/\(sha.prefix(2))")
            let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
            #expect(files == ["\(sha)-thumb.jpg", "\(sha).jpg"])
            let stored = try Data(contentsOf: URL(fileURLWithPath: bench.storage.absolutePath(first.localPath!)))
            #expect(SHA256.hash(data: stored).map { String(format: "%02x", $0) }.joined() == sha)
            #expect(first.thumbPath == "photos/\(sha.prefix(2))/\(sha)-thumb.jpg")
            // And nothing is left to do
            #expect(await bench.worker.drain() == 0)
        }
    }

    @Test func refusalsFailAtOnceWithoutRetrying() async throws {
        let server = PhotoServer()
        try await server.run { base in
            // Given photos that are too large (with and without a length), not images, or local
            let bench = try await Bench(urls: [
                "\(base)/big.jpg", "\(base)/chunked.jpg", "\(base)/page.html", "\(base)/fake.jpg",
                "ftp://x.invalid/a.jpg",
                "sim-sample:../x",
            ])
            defer { bench.cleanUp() }
            let local = try await Bench(urls: ["\(base)/img.jpg"]) { $0.allowPrivateAddresses = false }
            defer { local.cleanUp() }
            // When the workers run, and again an hour later
            await bench.worker.drain()
            await local.worker.drain()
            bench.clock.advance(seconds: 3600)
            local.clock.advance(seconds: 3600)
            #expect(await bench.worker.drain() == 0)
            #expect(await local.worker.drain() == 0)
            // Then each failed after its one attempt, with its reason kept
            var reasons: [String?] = []
            for index in bench.photoIDs.indices {
                let photo = try await bench.photo(index)
                #expect(photo.status == .failed && photo.attempts == 1, "\(photo.url)")
                reasons.append(photo.lastError)
            }
            #expect(
                reasons == [
                    "image larger than 100000 bytes", "image larger than 100000 bytes",
                    "not an image (text/html; charset=utf-8)",
                    "not an image (content is not JPEG, PNG, GIF or WebP)",
                    "unsupported URL scheme \"ftp\" (only http and https)", "not a valid image URL",
                ])
            let refused = try await local.photo()
            #expect(refused.status == .failed && refused.attempts == 1)
            #expect(refused.lastError == "refused: 127.0.0.1 is a private or local address")
            #expect(await server.hits("/big.jpg") == 1)
            #expect(await server.hits("/chunked.jpg") == 1)
            #expect(await server.hits("/img.jpg") == 0)
        }
    }

    @Test func aServerErrorIsRetriedAfterTheBackoff() async throws {
        let server = PhotoServer(failFirst: ["/flaky.jpg": 1])
        try await server.run { base in
            // Given a server that fails the first request
            let bench = try await Bench(urls: ["\(base)/flaky.jpg"])
            defer { bench.cleanUp() }
            // When the worker tries, Then the photo waits for its retry with the error shown
            await bench.worker.drain()
            var photo = try await bench.photo()
            #expect(photo.status == .pending && photo.attempts == 1 && photo.lastError == "server answered HTTP 500")
            #expect(await bench.worker.drain() == 0)
            // When the retry time comes, Then it is stored
            bench.clock.advance(seconds: 30)
            #expect(await bench.worker.drain() == 1)
            photo = try await bench.photo()
            #expect(photo.status == .stored && photo.attempts == 2 && photo.lastError == nil)
            #expect(await server.hits("/flaky.jpg") == 2)
        }
    }

    @Test func anUnreachableServerFailsAfterTheLastAttempt() async throws {
        // Given a photo on a port where nothing listens
        let bench = try await Bench(urls: ["http://127.0.0.1:1/x.jpg"])
        defer { bench.cleanUp() }
        // When every retry fails, each after a longer wait
        for wait in [0.0, 30, 60] {
            bench.clock.advance(seconds: wait)
            #expect(await bench.worker.drain() == 1)
        }
        // Then the photo has failed for good and keeps the reason
        let photo = try await bench.photo()
        #expect(photo.status == .failed && photo.attempts == 3)
        #expect(photo.lastError?.hasPrefix("network error") == true)
        #expect(bench.worker.backoff(afterFailures: 1) == 30 && bench.worker.backoff(afterFailures: 3) == 120)
        #expect(bench.worker.backoff(afterFailures: 20) == PhotoWorker.maxRetryDelaySeconds)
    }

    @Test func storesTheSimulatorsSamples() async throws {
        let bench = try await Bench(urls: ["sim-sample:manhole.jpg"]) { $0.allowPrivateAddresses = false }
        defer { bench.cleanUp() }
        await bench.worker.drain()
        let photo = try await bench.photo()
        #expect(photo.status == .stored && photo.url == "sim-sample:manhole.jpg")
        #expect(photo.thumbPath != nil)
    }

    @Test(arguments: ImageFormat.allCases)
    func thumbnailsAreJPEGsWithinTheConfiguredSize(_ format: ImageFormat) async throws {
        let wide = TestImage.make(format, width: 900, height: 500)
        let small = TestImage.make(format, width: 120, height: 80)
        let server = PhotoServer(extras: ["wide": (wide, format.contentType), "small": (small, format.contentType)])
        try await server.run { base in
            let bench = try await Bench(urls: ["\(base)/extra/wide", "\(base)/extra/small"]) {
                $0.thumbnailPixels = 200
            }
            defer { bench.cleanUp() }
            await bench.worker.drain()
            for (index, expected) in [(0, (200, 111)), (1, (120, 80))] {
                let photo = try await bench.photo(index)
                #expect(photo.status == .stored && photo.contentType == format.contentType)
                #expect(photo.localPath?.hasSuffix(".\(format.fileExtension)") == true)
                let thumbPath = try #require(photo.thumbPath)
                let thumbnail = try Data(contentsOf: URL(fileURLWithPath: bench.storage.absolutePath(thumbPath)))
                #expect(ImageFormat(sniffing: thumbnail) == .jpeg)
                let size = try #require(ImageFormat.jpeg.pixelSize(of: thumbnail))
                #expect(size.width == expected.0 && size.height == expected.1)
            }
        }
    }

    @Test func anImageWithoutAThumbnailIsStoredAndServedFullSize() async throws {
        // Given an image that passes the sniffing but cannot be decoded
        let broken = Data([0xFF, 0xD8, 0xFF, 0xE0]) + Data(repeating: 0x42, count: 2000)
        try await PhotoServer(extras: ["broken": (broken, "image/jpeg")]).run { base in
            let bench = try await Bench(urls: ["\(base)/extra/broken", "\(base)/img.jpg", "\(base)/gone.jpg"])
            defer { bench.cleanUp() }
            await bench.worker.drain()
            // Then it is stored without a thumbnail, and its thumbnail request gets the image itself
            let photo = try await bench.photo()
            #expect(photo.status == .stored && photo.thumbPath == nil)
            let files = PhotoFiles(store: bench.store, storage: bench.storage)
            let full = try #require(try await files.file(photoID: photo.id!, thumbnail: true))
            #expect(full.path == bench.storage.absolutePath(photo.localPath!) && full.contentType == "image/jpeg")
            // A photo with a thumbnail has both; a failed one has none
            let thumbID = bench.photoIDs[1]
            let thumb = try #require(try await files.file(photoID: thumbID, thumbnail: true))
            #expect(thumb.path.hasSuffix("-thumb.jpg"))
            #expect(try await files.file(photoID: thumbID, thumbnail: false)?.path.hasSuffix("-thumb.jpg") == false)
            #expect(try await files.file(photoID: bench.photoIDs[2], thumbnail: true) == nil)
            #expect(try await files.file(photoID: 99, thumbnail: false) == nil)
        }
    }

    @Test func servesStoredPhotosWithCachingAndNoSniffing() async throws {
        try await PhotoServer().run { base in
            let bench = try await Bench(urls: ["\(base)/img.jpg"])
            defer { bench.cleanUp() }
            await bench.worker.drain()
            let files = PhotoFiles(store: bench.store, storage: bench.storage)
            let router = Router()
            router.get("photos/{id}") { request, context in
                try await files.response(
                    photoID: try context.parameters.require("id", as: Int64.self), thumbnail: false, context: context)
            }
            router.get("photos/{id}/thumb") { request, context in
                try await files.response(
                    photoID: try context.parameters.require("id", as: Int64.self), thumbnail: true, context: context)
            }
            let app = Application(router: router, logger: quietLogger())
            let id = bench.photoIDs[0]
            try await app.test(.router) { client in
                try await client.execute(uri: "/photos/\(id)", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == "image/jpeg")
                    #expect(response.headers[.cacheControl] == "private, max-age=31536000, immutable")
                    #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
                    #expect(Data(response.body.readableBytesView) == PhotoServer.jpeg)
                }
                try await client.execute(uri: "/photos/\(id)/thumb", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(ImageFormat(sniffing: Data(response.body.readableBytesView)) == .jpeg)
                    #expect(Data(response.body.readableBytesView) != PhotoServer.jpeg)
                }
                try await client.execute(uri: "/photos/99", method: .get) { response in
                    #expect(response.status == .notFound)
                }
            }
        }
    }

    @Test func aMessageWithAnImageGetsItsPhotoStored() async throws {
        try await PhotoServer().run { base in
            let platform = FakePlatform()
            let configure: @Sendable (inout AppConfig, String) -> Void = { config, _ in
                config.photos.allowPrivateAddresses = true
                config.photos.timeoutSeconds = 120
            }
            try await withServer(platform: platform, configure: configure) { client, store in
                // When a rider reports with a photo
                try await client.postMessage(
                    messageBody(id: "p-1", sender: "u-1", text: "世纪花园东门井盖坏了", images: ["\(base)/img.jpg"]))
                // Then the reply does not wait for the photo, and the item's photo is stored soon after
                try await platform.waitFor(delivered: 1)
                #expect(
                    try await eventually {
                        try await store.read { tx in try tx.detail(itemID: 1)?.photos.map(\.status) } == [.stored]
                    })
                let photo = try #require(try await store.read { tx in try tx.detail(itemID: 1)?.photos.first })
                #expect(photo.url == "\(base)/img.jpg" && photo.byteSize == PhotoServer.jpeg.count)
            }
        }
    }
}
