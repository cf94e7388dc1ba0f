import Foundation
import Testing

@testable import TaskBoard

/// The transcript query under the simulator: messages and sent replies of one group, merged in
/// time, resumable from a cursor without skipping a reply that is sent late.
@Suite struct SimTranscriptTests {
    let clock = ManualClock()
    let store: BoardStore

    init() throws {
        store = try BoardStore.inMemory(clock: clock.now)
    }

    private func message(_ id: String, group: String = "g1", channel: String = "sim") async throws -> Int64 {
        try await store.write { tx in
            try #require(
                try tx.queue.insertInbox(
                    channel: channel, platformMessageID: id, groupID: group, senderID: "s", payload: id))
        }
    }

    private func reply(_ text: String, group: String = "g1", sent: Bool = true) async throws -> Int64 {
        try await store.write { tx in
            let id = try tx.queue.enqueueReply(channel: "sim", target: group, payload: text, inboxID: nil)
            if sent { try tx.queue.markSent(outboxID: id) }
            return id
        }
    }

    private func read(after cursor: TranscriptCursor = .start, limit: Int = 50) async throws -> TranscriptPage {
        try await store.transcript(channel: "sim", groupID: "g1", after: cursor, limit: limit)
    }

    @Test func messagesAndRepliesMergeInTimeAndOtherChatsStayOut() async throws {
        // Given a message, its reply, a later message, and traffic of other groups and channels
        _ = try await message("m1")
        clock.advance(seconds: 1)
        _ = try await reply("r1")
        _ = try await message("x1", group: "g2")
        _ = try await message("x2", channel: "generic")
        _ = try await reply("x3", group: "g2")
        clock.advance(seconds: 1)
        _ = try await message("m2")

        // Then the group's transcript is exactly its own lines, in order
        let page = try await read()
        #expect(page.lines.map(\.payload) == ["m1", "r1", "m2"])
        #expect(page.lines.map(\.kind) == [.message, .reply, .message])
        #expect(page.more == false)

        // And nothing repeats from the cursor on
        let next = try await read(after: page.cursor)
        #expect(next.lines.isEmpty)
        #expect(next.cursor == page.cursor)
    }

    @Test func aPendingReplyHoldsBackTheRepliesAfterItUntilSent() async throws {
        _ = try await message("m1")
        let late = try await reply("r1", sent: false)
        _ = try await reply("r2")

        let first = try await read()
        #expect(first.lines.map(\.payload) == ["m1"])

        try await store.write { tx in try tx.queue.markSent(outboxID: late) }
        let second = try await read(after: first.cursor)
        #expect(second.lines.map(\.payload) == ["r1", "r2"])
    }

    @Test func aFailedReplyIsPassedOver() async throws {
        let failed = try await reply("r1", sent: false)
        try await store.write { tx in try tx.queue.markAttemptFailed(outboxID: failed, error: "no", retryAt: nil) }
        _ = try await reply("r2")
        let page = try await read()
        #expect(page.lines.map(\.payload) == ["r2"])
    }

    @Test func aLongHistoryComesInPages() async throws {
        for index in 1...5 {
            _ = try await message("m\(index)")
            clock.advance(seconds: 1)
        }
        var cursor = TranscriptCursor.start
        var seen: [String] = []
        var pages = 0
        while true {
            let page = try await read(after: cursor, limit: 2)
            seen += page.lines.map(\.payload)
            cursor = page.cursor
            pages += 1
            if !page.more { break }
        }
        #expect(seen == ["m1", "m2", "m3", "m4", "m5"])
        #expect(pages == 3)
    }

    @Test func aNewlyOpenedChatStartsAtItsRecentTalk() async throws {
        for index in 1...6 {
            _ = try await message("m\(index)")
            _ = try await reply("r\(index)")
            clock.advance(seconds: 1)
        }
        let start = try await store.transcriptStart(channel: "sim", groupID: "g1", recentMessages: 2)
        let page = try await read(after: start)
        #expect(page.lines.map(\.payload) == ["m5", "r5", "m6", "r6"])

        // A group with no talk starts at the end, so its polls do not walk other chats' history
        let quiet = try await store.transcriptStart(channel: "sim", groupID: "g9", recentMessages: 2)
        #expect(quiet == TranscriptCursor(inbox: 6, outbox: 6))
    }

    @Test func whatTheBotSaidBeforeAnyoneWroteOpensAShortChat() async throws {
        _ = try await reply("r0", group: "g2")
        _ = try await reply("announcement")
        clock.advance(seconds: 1)
        _ = try await message("m1")
        _ = try await reply("r1")
        let start = try await store.transcriptStart(channel: "sim", groupID: "g1", recentMessages: 5)
        #expect(try await read(after: start).lines.map(\.payload) == ["announcement", "m1", "r1"])
    }

    @Test func theCursorHasOneWrittenForm() {
        #expect(TranscriptCursor(inbox: 12, outbox: 30).description == "12.30")
        #expect(TranscriptCursor("12.30") == TranscriptCursor(inbox: 12, outbox: 30))
        for bad in ["", "12", "12.", ".3", "a.b", "1.2.3", "-1.2"] {
            #expect(TranscriptCursor(bad) == nil, "\(bad)")
        }
    }
}
