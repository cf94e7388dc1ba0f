import Foundation
import Testing

@testable import TaskBoard

/// The secretary's review queue: held messages decided once, and reports still missing a place.
@Suite("Review queue")
struct ReviewQueueTests {
    /// Holds `count` messages for review and returns their ids.
    static func held(_ h: Harness, count: Int) async throws -> [Int64] {
        try await h.run { tx in
            try (0..<count).map { n in
                let inbox = try #require(
                    try tx.queue.insertInbox(
                        channel: "generic", platformMessageID: "m\(n)", groupID: "g", senderID: "u", payload: "{}"))
                return try tx.addReview(
                    ReviewEntry(
                        inboxID: inbox, channel: "generic", groupID: "g", senderID: "u", text: "井盖坏了",
                        imageURLs: [], parse: "{}", reason: .missingPlace, createdAt: tx.now)
                ).id!
            }
        }
    }

    @Test("resolving links the item and records who decided when; ignoring closes without item")
    func decide() async throws {
        // Given three held messages and an item
        let h = try await Harness.make()
        let ids = try await Self.held(h, count: 3)
        let item = try await h.report(by: h.rider)
        let (sec, ga) = (h.secretary.id!, h.gridA.id!)
        #expect(try await h.store.read { tx in try tx.openReviewCount() } == 3)
        // When the secretary resolves one with the item and a grid worker ignores another
        h.clock.advance(hours: 1)
        let resolved = try await h.run { tx in try tx.resolveReview(id: ids[0], itemID: item, by: sec) }
        let ignored = try await h.run { tx in try tx.ignoreReview(id: ids[1], by: ga) }
        // Then both are settled, and only the third is still open
        #expect(resolved.status == .resolved)
        #expect(resolved.itemID == item)
        #expect(resolved.resolvedBy == sec)
        #expect(resolved.resolvedAt == TestClock.start.addingTimeInterval(3600))
        #expect(ignored.status == .ignored)
        #expect(ignored.itemID == nil)
        #expect(ignored.resolvedBy == ga)
        #expect(try await h.store.read { tx in try tx.review(id: ids[0]) } == resolved)
        #expect(try await h.store.read { tx in try tx.openReviewCount() } == 1)
        #expect(try await h.store.read { tx in try tx.reviews(status: .open, limit: 10) }.map(\.id) == [ids[2]])
        #expect(try await h.store.read { tx in try tx.review(id: 99) } == nil)
    }

    @Test("a decided entry is not decided again; strangers and unknown rows are refused")
    func refusals() async throws {
        let h = try await Harness.make()
        let ids = try await Self.held(h, count: 3)
        let item = try await h.report(by: h.rider)
        let (sec, rider, m1) = (h.secretary.id!, h.rider.id!, h.member1.id!)
        _ = try await h.run { tx in
            _ = try tx.resolveReview(id: ids[0], itemID: item, by: sec)
            return try tx.ignoreReview(id: ids[1], by: sec)
        }
        // Twice, in either direction
        try await h.expectPageRefusal(BoardPageError.reviewClosed(ids[0], status: .resolved)) { tx in
            try tx.resolveReview(id: ids[0], itemID: item, by: sec)
        }
        try await h.expectPageRefusal(BoardPageError.reviewClosed(ids[0], status: .resolved)) { tx in
            try tx.ignoreReview(id: ids[0], by: sec)
        }
        try await h.expectPageRefusal(BoardPageError.reviewClosed(ids[1], status: .ignored)) { tx in
            try tx.resolveReview(id: ids[1], itemID: item, by: sec)
        }
        // By a rider or a member; an unknown entry, item or member
        try await h.expectPageRefusal(BoardError.notAllowed(action: "review", role: .rider)) { tx in
            try tx.ignoreReview(id: ids[2], by: rider)
        }
        try await h.expectPageRefusal(BoardError.notAllowed(action: "review", role: .member)) { tx in
            try tx.resolveReview(id: ids[2], itemID: item, by: m1)
        }
        try await h.expectPageRefusal(BoardPageError.noSuchReview(99)) { tx in try tx.ignoreReview(id: 99, by: sec) }
        try await h.expectPageRefusal(BoardError.noSuchItem(999)) { tx in
            try tx.resolveReview(id: ids[2], itemID: 999, by: sec)
        }
        try await h.expectPageRefusal(BoardError.noSuchMember("999")) { tx in try tx.ignoreReview(id: ids[2], by: 999) }
        #expect(try await h.store.read { tx in try tx.openReviewCount() } == 1)
        #expect(BoardPageError.reviewClosed(3, status: .ignored).description == "review 3 is already ignored")
    }

    @Test("items missing a place: active, without estate, landmark or coordinates, oldest first")
    func missingPlace() async throws {
        // Given reports with and without a place, an hour apart
        let h = try await Harness.make()
        let sec = h.secretary.id!
        var ids: [String: Int64] = [:]
        for (name, estate, landmark, lat) in [
            ("bare", nil, nil, nil), ("estate", "Longxi", nil, nil), ("landmark", nil, "east gate", nil),
            ("located", nil, nil, 22.7), ("blank", "", "", nil), ("cancelled", nil, nil, nil), ("bare2", nil, nil, nil),
        ] as [(String, String?, String?, Double?)] {
            ids[name] = try await h.file(by: h.rider, estate: estate, landmark: landmark, lat: lat)
            h.clock.advance(hours: 1)
        }
        let cancelled = ids["cancelled"]!
        _ = try await h.run { tx in try tx.cancel(itemID: cancelled, by: sec, reason: nil, invalid: false) }
        // Then the bare ones and the one with empty strings are listed, oldest first
        let missing = try await h.store.read { tx in try tx.itemsMissingPlace(limit: 10) }
        #expect(missing.map(\.id) == [ids["bare"], ids["blank"], ids["bare2"]])
        #expect(try await h.store.read { tx in try tx.itemsMissingPlace(limit: 1) }.map(\.id) == [ids["bare"]])
    }
}
