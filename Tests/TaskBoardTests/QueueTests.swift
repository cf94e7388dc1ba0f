import Foundation
import GRDB
import Testing

@testable import TaskBoard

@Suite("Inbox and outbox")
struct QueueTests {
    @Test("a platform's retry of the same message is stored once")
    func inboxDuplicate() async throws {
        // Given an empty inbox
        let h = try await Harness.make()
        // When the same message arrives four times (WeChat retries), and another channel reuses its id
        let first = try await h.run { tx in
            try tx.queue.insertInbox(
                channel: "wechat", platformMessageID: "9007199254740993", groupID: "g", senderID: "s", payload: "{}")
        }
        for _ in 0..<3 {
            let again = try await h.run { tx in
                try tx.queue.insertInbox(
                    channel: "wechat", platformMessageID: "9007199254740993", groupID: "g", senderID: "s",
                    payload: "{\"x\":1}")
            }
            // Then each retry answers nil
            #expect(again == nil)
        }
        let other = try await h.run { tx in
            try tx.queue.insertInbox(
                channel: "onebot", platformMessageID: "9007199254740993", groupID: "g", senderID: "s", payload: "{}")
        }
        // And one row per channel exists, the first payload kept
        #expect(first != nil)
        #expect(other != nil && other != first)
        let rows = try await h.db.read { db in try InboxMessage.fetchAll(db) }
        #expect(rows.count == 2)
        #expect(rows.first?.payload == "{}")
        #expect(rows.first?.state == .pending)
        #expect(rows.first?.receivedAt == TestClock.start)
    }

    @Test("pending messages come in id order until marked")
    func inboxProcessing() async throws {
        // Given three stored messages
        let h = try await Harness.make()
        var ids: [Int64] = []
        for n in 0..<3 {
            let id = try await h.run { tx in
                try tx.queue.insertInbox(
                    channel: "json", platformMessageID: "m\(n)", groupID: "g", senderID: "s", payload: "{}")
            }
            ids.append(try #require(id))
        }
        #expect(try await h.store.read { tx in try tx.queue.pendingInbox(limit: 10) }.map(\.id!) == ids)
        #expect(try await h.store.read { tx in try tx.queue.pendingInbox(limit: 2) }.map(\.id!) == Array(ids.prefix(2)))
        // When the first is processed and the second fails
        h.clock.advance(hours: 1)
        let (first, second) = (ids[0], ids[1])
        try await h.run { tx in
            try tx.queue.markInbox(id: first, state: .processed, error: nil)
            try tx.queue.markInbox(id: second, state: .failed, error: "parse error")
        }
        // Then only the third is pending, and the others carry time and error
        #expect(try await h.store.read { tx in try tx.queue.pendingInbox(limit: 10) }.map(\.id!) == [ids[2]])
        let failed = try #require(try await h.store.read { tx in try tx.queue.inbox(id: second) })
        #expect(failed.state == .failed)
        #expect(failed.error == "parse error")
        #expect(failed.processedAt == TestClock.start.addingTimeInterval(3600))
        await #expect(throws: StoreError.noSuchInboxMessage(99)) {
            try await h.run { tx in try tx.queue.markInbox(id: 99, state: .processed, error: nil) }
        }
    }

    @Test("a queued reply is due now, with no attempts")
    func enqueue() async throws {
        // Given a stored message; When a reply to it is queued; Then it is pending and due now
        let h = try await Harness.make()
        let inboxID = try await h.run { tx in
            try tx.queue.insertInbox(
                channel: "wecom", platformMessageID: "1", groupID: "g", senderID: "s", payload: "{}")
        }
        let id = try await h.run { tx in
            try tx.queue.enqueueReply(channel: "wecom", target: "g", payload: "{\"text\":\"ok\"}", inboxID: inboxID)
        }
        let reply = try #require(try await h.store.read { tx in try tx.queue.outbox(id: id) })
        #expect(
            reply
                == OutboxMessage(
                    id: id, channel: "wecom", target: "g", payload: "{\"text\":\"ok\"}", status: .pending, attempts: 0,
                    nextAttemptAt: TestClock.start, createdAt: TestClock.start, inboxID: inboxID))
        #expect(try await h.store.read { tx in try tx.queue.dueOutbox(limit: 10) }.map(\.id) == [id])
        #expect(try await h.store.read { tx in try tx.queue.nextOutboxDue() } == TestClock.start)
    }

    @Test("retry bookkeeping: attempts, rescheduling, giving up, due order")
    func outboxRetries() async throws {
        // Given three replies queued a second apart
        let h = try await Harness.make()
        var ids: [Int64] = []
        for n in 0..<3 {
            ids.append(
                try await h.run { tx in
                    try tx.queue.enqueueReply(channel: "c", target: "t\(n)", payload: "{}", inboxID: nil)
                })
            h.clock.advance(hours: 1.0 / 3600)
        }
        let (a, b, c) = (ids[0], ids[1], ids[2])
        #expect(try await h.store.read { tx in try tx.queue.dueOutbox(limit: 10) }.map(\.id!) == [a, b, c])
        #expect(try await h.store.read { tx in try tx.queue.dueOutbox(limit: 2) }.map(\.id!) == [a, b])
        // When a fails and is retried in a minute, b is sent, c fails for good
        let retryAt = h.clock.now().addingTimeInterval(60)
        try await h.run { tx in
            try tx.queue.markAttemptFailed(outboxID: a, error: "HTTP 502", retryAt: retryAt)
            try tx.queue.markSent(outboxID: b)
            try tx.queue.markAttemptFailed(outboxID: c, error: "HTTP 400", retryAt: nil)
        }
        // Then a is pending with one attempt, due at retryAt and not before
        let first = try #require(try await h.store.read { tx in try tx.queue.outbox(id: a) })
        #expect(first.status == .pending)
        #expect(first.attempts == 1)
        #expect(first.lastError == "HTTP 502")
        #expect(first.nextAttemptAt == retryAt)
        #expect(try await h.store.read { tx in try tx.queue.dueOutbox(limit: 10) }.isEmpty)
        #expect(try await h.store.read { tx in try tx.queue.nextOutboxDue() } == retryAt)
        // And b is sent, c failed visibly
        let sent = try #require(try await h.store.read { tx in try tx.queue.outbox(id: b) })
        #expect(sent.status == .sent)
        #expect(sent.sentAt == h.clock.now())
        #expect(sent.attempts == 1)
        let failed = try #require(try await h.store.read { tx in try tx.queue.outbox(id: c) })
        #expect(failed.status == .failed)
        #expect(failed.attempts == 1)
        #expect(failed.lastError == "HTTP 400")
        #expect(try await h.store.read { tx in try tx.queue.outbox(status: .failed) }.map(\.id!) == [c])
        #expect(try await h.store.read { tx in try tx.queue.outbox(status: nil) }.map(\.id!) == [a, b, c])
        // When the minute has passed, Then a is due again; a second failure counts 2, then it gives up at 3
        h.clock.advance(hours: 1.0 / 60)
        #expect(try await h.store.read { tx in try tx.queue.dueOutbox(limit: 10) }.map(\.id!) == [a])
        let later = h.clock.now().addingTimeInterval(120)
        try await h.run { tx in try tx.queue.markAttemptFailed(outboxID: a, error: "timeout", retryAt: later) }
        try await h.run { tx in try tx.queue.markAttemptFailed(outboxID: a, error: "timeout", retryAt: nil) }
        let gaveUp = try #require(try await h.store.read { tx in try tx.queue.outbox(id: a) })
        #expect(gaveUp.attempts == 3)
        #expect(gaveUp.status == .failed)
        #expect(try await h.store.read { tx in try tx.queue.nextOutboxDue() } == nil)
        await #expect(throws: StoreError.noSuchOutboxMessage(77)) {
            try await h.run { tx in try tx.queue.markSent(outboxID: 77) }
        }
    }

    @Test("due order is queue order, not retry time")
    func dueOrder() async throws {
        // Given a retried older reply and a newer one, both due
        let h = try await Harness.make()
        let old = try await h.run { tx in
            try tx.queue.enqueueReply(channel: "c", target: "t", payload: "{}", inboxID: nil)
        }
        let retryAt = h.clock.now().addingTimeInterval(10)
        try await h.run { tx in try tx.queue.markAttemptFailed(outboxID: old, error: "e", retryAt: retryAt) }
        h.clock.advance(hours: 1)
        let new = try await h.run { tx in
            try tx.queue.enqueueReply(channel: "c", target: "t", payload: "{}", inboxID: nil)
        }
        // Then the older goes first
        #expect(try await h.store.read { tx in try tx.queue.dueOutbox(limit: 10) }.map(\.id!) == [old, new])
    }

    @Test("counts by state for the health check")
    func counts() async throws {
        // Given two inbound messages, one processed, and two replies, one sent
        let h = try await Harness.make()
        let first = try await h.run { tx in
            try tx.queue.insertInbox(channel: "c", platformMessageID: "1", groupID: "g", senderID: "s", payload: "{}")
        }
        _ = try await h.run { tx in
            try tx.queue.insertInbox(channel: "c", platformMessageID: "2", groupID: "g", senderID: "s", payload: "{}")
        }
        let inboxID = try #require(first)
        let reply = try await h.run { tx in
            try tx.queue.markInbox(id: inboxID, state: .processed, error: nil)
            _ = try tx.queue.enqueueReply(channel: "c", target: "g", payload: "{}", inboxID: inboxID)
            return try tx.queue.enqueueReply(channel: "c", target: "g", payload: "{}", inboxID: nil)
        }
        try await h.run { tx in try tx.queue.markSent(outboxID: reply) }
        // Then the counts match
        let counts = try await h.store.read { tx in
            [
                try tx.queue.inboxCount(state: .pending), try tx.queue.inboxCount(state: .processed),
                try tx.queue.inboxCount(),
                try tx.queue.outboxCount(status: .pending), try tx.queue.outboxCount(status: .sent),
                try tx.queue.outboxCount(),
            ]
        }
        #expect(counts == [1, 1, 2, 1, 1, 2])
    }
}
