import Foundation
import GRDB
import Testing

@testable import TaskBoard

/// CrashGuard: attempts are counted when claimed, so a row whose work killed the process is seen,
/// worked on alone, and set aside after `maxCrashes` deaths while the rows behind it go on.
@Suite("Claims and quarantine")
struct ClaimTests {
    private func inbox(_ h: Harness, count: Int) async throws -> [Int64] {
        var ids: [Int64] = []
        for n in 0..<count {
            let id = try await h.run { tx in
                try tx.queue.insertInbox(
                    channel: "generic", platformMessageID: "m\(n)", groupID: "g", senderID: "s", payload: "{}")
            }
            ids.append(try #require(id))
        }
        return ids
    }

    @Test("a claim counts an attempt on every row it hands out")
    func batchClaim() async throws {
        let h = try await Harness.make()
        let ids = try await inbox(h, count: 4)
        let claim = try await h.run { tx in try tx.queue.claimInbox(limit: 3) }
        #expect(claim.rows.map(\.id!) == Array(ids.prefix(3)))
        #expect(claim.rows.allSatisfy { $0.attempts == 1 })
        #expect(claim.quarantined.isEmpty)
    }

    @Test("after a death the unfinished rows go one at a time; the killer is quarantined on its third death")
    func inboxQuarantine() async throws {
        let h = try await Harness.make()
        let ids = try await inbox(h, count: 3)
        // The process dies on the first row of a batch, three times over.
        _ = try await h.run { tx in try tx.queue.claimInbox(limit: 10) }
        for expected in 2...3 {
            let claim = try await h.run { tx in try tx.queue.claimInbox(limit: 10) }
            #expect(claim.rows.map(\.id!) == [ids[0]])
            #expect(claim.rows.first?.attempts == expected)
        }
        // The next claim sets it aside and hands out the next row alone (it was in the dead batch).
        let claim = try await h.run { tx in try tx.queue.claimInbox(limit: 10) }
        #expect(claim.quarantined == [ids[0]])
        #expect(claim.rows.map(\.id!) == [ids[1]])
        let killer = try #require(try await h.store.read { tx in try tx.queue.inbox(id: ids[0]) })
        #expect(killer.state == .failed)
        #expect(killer.error == CrashGuard.reason)
        #expect(killer.quarantinedAt == TestClock.start)
        // Rows that finish go back to batches.
        try await h.run { tx in try tx.queue.markInbox(id: ids[1], state: .processed, error: nil) }
        let rest = try await h.run { tx in try tx.queue.claimInbox(limit: 10) }
        #expect(rest.rows.map(\.id!) == [ids[2]])
        try await h.run { tx in try tx.queue.markInbox(id: ids[2], state: .processed, error: nil) }
        #expect(try await h.store.read { tx in try tx.queue.quarantinedCounts() } == (1, 0, 0))
        #expect(try await h.store.read { tx in try tx.queue.quarantinedInbox(limit: 5) }.map(\.id!) == [ids[0]])
        // The board's retry puts it back with a fresh count; a message that was not quarantined is left alone.
        #expect(try await h.run { tx in try tx.queue.retryQuarantinedInbox(id: ids[0]) })
        #expect(!(try await h.run { tx in try tx.queue.retryQuarantinedInbox(id: ids[1]) }))
        let retried = try #require(try await h.store.read { tx in try tx.queue.inbox(id: ids[0]) })
        #expect(retried.state == .pending && retried.attempts == 0 && retried.quarantinedAt == nil)
    }

    @Test(
        "an outbox reply whose sending kills the process is failed after three deaths; finished attempts do not count")
    func outboxQuarantine() async throws {
        let h = try await Harness.make()
        let (a, b) = try await h.run { tx in
            (
                try tx.queue.enqueueReply(channel: "generic", target: "g", payload: "{}", inboxID: nil),
                try tx.queue.enqueueReply(channel: "generic", target: "g", payload: "{}", inboxID: nil)
            )
        }
        // A failed attempt that finished is retried as usual, never counted as a death.
        _ = try await h.run { tx in try tx.queue.claimOutbox(limit: 1) }
        try await h.run { tx in try tx.queue.markAttemptFailed(outboxID: a, error: "503", retryAt: tx.now) }
        for _ in 0..<3 {
            let claim = try await h.run { tx in try tx.queue.claimOutbox(limit: 10) }
            #expect(claim.rows.first?.id == a)
        }
        let claim = try await h.run { tx in try tx.queue.claimOutbox(limit: 10) }
        #expect(claim.quarantined == [a])
        #expect(claim.rows.map(\.id!) == [b])
        let row = try #require(try await h.store.read { tx in try tx.queue.outbox(id: a) })
        #expect(row.status == .failed)
        #expect(row.lastError == CrashGuard.reason)
    }

    @Test("a photo whose download kills the process is failed after three deaths; the retry button starts afresh")
    func photoQuarantine() async throws {
        let h = try await Harness.make()
        _ = try await h.report(by: h.rider, photos: ["http://a.invalid/1.jpg", "http://a.invalid/2.jpg"])
        for _ in 0..<3 { _ = try await h.run { tx in try tx.queue.claimPhotos(limit: 1) } }
        let claim = try await h.run { tx in try tx.queue.claimPhotos(limit: 10) }
        #expect(claim.quarantined.count == 1)
        #expect(claim.rows.map(\.url) == ["http://a.invalid/2.jpg"])
        let id = try #require(claim.quarantined.first)
        #expect(try await h.store.read { tx in try tx.photo(id: id) }?.status == .failed)
        #expect(try await h.run { tx in try tx.queue.retryPhoto(id: id) })
        let again = try await h.run { tx in try tx.queue.claimPhotos(limit: 10) }
        #expect(again.rows.map(\.id) == [id])
        #expect(again.quarantined.isEmpty)
    }
}
