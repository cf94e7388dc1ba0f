import Foundation
import GRDB
import Testing

@testable import TaskBoard

@Suite("Photo downloads")
struct PhotoDownloadTests {
    @Test("a new photo is pending and due at once; stored, it leaves the queue with its file")
    func storedPhoto() async throws {
        // Given a report with two photos
        let h = try await Harness.make()
        let item = try await h.report(by: h.rider, photos: ["http://a.invalid/1.jpg", "http://a.invalid/2.jpg"])
        let due = try await h.store.read { tx in try tx.queue.duePhotos(limit: 10) }
        #expect(due.map(\.url) == ["http://a.invalid/1.jpg", "http://a.invalid/2.jpg"])
        #expect(due.allSatisfy { $0.status == .pending && $0.attempts == 0 && $0.itemID == item })
        #expect(try await h.store.read { tx in try tx.queue.nextPhotoDue() } == TestClock.start)
        // When the first is stored
        let id = try #require(due[0].id)
        try await h.run { tx in
            try tx.queue.markPhotoStored(
                id: id, localPath: "photos/ab/ab.jpg", sha256: "ab", contentType: "image/jpeg", byteSize: 12,
                thumbPath: "photos/ab/ab-thumb.jpg")
        }
        // Then it keeps its URL, has its file and counts the attempt, and only the second is due
        let stored = try #require(try await h.store.read { tx in try tx.photo(id: id) })
        #expect(stored.url == "http://a.invalid/1.jpg")
        #expect(stored.status == .stored && stored.attempts == 1 && stored.lastError == nil)
        #expect(stored.localPath == "photos/ab/ab.jpg" && stored.sha256 == "ab" && stored.byteSize == 12)
        #expect(stored.contentType == "image/jpeg" && stored.thumbPath == "photos/ab/ab-thumb.jpg")
        #expect(try await h.store.read { tx in try tx.queue.duePhotos(limit: 10) }.map(\.id) == [due[1].id])
    }

    @Test("a failed attempt waits for its retry time; without one the photo fails, and the board can retry it")
    func failedPhoto() async throws {
        // Given a pending photo
        let h = try await Harness.make()
        _ = try await h.report(by: h.rider, photos: ["http://a.invalid/x.jpg"])
        let id = try #require(try await h.store.read { tx in try tx.queue.duePhotos(limit: 1) }.first?.id)
        // When an attempt fails with a retry in an hour
        let retryAt = TestClock.start.addingTimeInterval(3600)
        try await h.run { tx in
            try tx.queue.markPhotoAttemptFailed(id: id, error: "server answered HTTP 503", retryAt: retryAt)
        }
        // Then it is pending but not due until then
        var photo = try #require(try await h.store.read { tx in try tx.photo(id: id) })
        #expect(photo.status == .pending && photo.attempts == 1 && photo.lastError == "server answered HTTP 503")
        #expect(try await h.store.read { tx in try tx.queue.duePhotos(limit: 10) }.isEmpty)
        #expect(try await h.store.read { tx in try tx.queue.nextPhotoDue() } == retryAt)
        h.clock.advance(hours: 1)
        #expect(try await h.store.read { tx in try tx.queue.duePhotos(limit: 10) }.map(\.id) == [id])
        // When the next attempt fails for good
        try await h.run { tx in try tx.queue.markPhotoAttemptFailed(id: id, error: "download timed out", retryAt: nil) }
        photo = try #require(try await h.store.read { tx in try tx.photo(id: id) })
        #expect(photo.status == .failed && photo.attempts == 2 && photo.lastError == "download timed out")
        #expect(try await h.store.read { tx in try tx.queue.nextPhotoDue() } == nil)
        // And the board's button retries it: pending, due now, a fresh count
        h.clock.advance(hours: 1)
        #expect(try await h.run { tx in try tx.queue.retryPhoto(id: id) })
        photo = try #require(try await h.store.read { tx in try tx.photo(id: id) })
        #expect(photo.status == .pending && photo.attempts == 0)
        #expect(photo.nextAttemptAt == TestClock.start.addingTimeInterval(7200))
        // A photo that is not failed is left alone; an unknown one is an error
        #expect(try await h.run { tx in try tx.queue.retryPhoto(id: id) } == false)
        await #expect(throws: StoreError.noSuchPhoto(99)) { try await h.run { tx in try tx.queue.retryPhoto(id: 99) } }
        await #expect(throws: StoreError.noSuchPhoto(99)) {
            try await h.run { tx in try tx.queue.markPhotoAttemptFailed(id: 99, error: "x", retryAt: nil) }
        }
    }

    @Test("the status column refuses an unknown state")
    func statusCheck() async throws {
        let h = try await Harness.make()
        _ = try await h.report(by: h.rider, photos: ["u"])
        await #expect(throws: DatabaseError.self) {
            try await h.db.write { db in try db.execute(sql: "UPDATE photos SET status = 'lost'") }
        }
    }

    @Test("upgrading keeps photos an older server stored and queues the others")
    func migrationFromV1() async throws {
        // Given a database from before photo downloads, with one stored and one waiting photo
        let db = try DatabaseQueue()
        try BoardSchema.migrator.migrate(db, upTo: "v2-board-pages")
        try await db.write { db in
            try db.execute(
                sql: """
                    INSERT INTO members (id, platform_id, name, role, created_at) VALUES (1, 'r', 'R', 'rider', 0);
                    INSERT INTO items (id, kind, text, status, reporter_id, created_at) VALUES (1, 'issue', 't', 'open', 1, 0);
                    INSERT INTO photos (item_id, url, local_path, sha256, added_at) VALUES (1, 'old', '/p/1.jpg', 'aa', 5);
                    INSERT INTO photos (item_id, url, added_at) VALUES (1, 'new', 6);
                    """)
        }
        // When the current store opens it
        let store = try BoardStore(writer: db, clock: { TestClock.start })
        // Then the stored one stays stored and the other is due at once
        let photos = try await db.read { db in try Photo.order(Photo.CodingKeys.id).fetchAll(db) }
        #expect(photos.map(\.status) == [.stored, .pending])
        #expect(photos.map(\.attempts) == [0, 0])
        #expect(try await store.read { tx in try tx.queue.duePhotos(limit: 10) }.map(\.url) == ["new"])
        let indexes = try await db.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'photos'")
        }
        #expect(indexes.contains("photos_on_status_next_attempt_at"))
    }
}
