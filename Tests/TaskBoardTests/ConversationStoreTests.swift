import Foundation
import Testing

@testable import TaskBoard

/// The server's memory of recent talk: turns in a window, questions asked once, the review queue.
@Suite("Conversation memory")
struct ConversationStoreTests {
    @Test("turns come back for their group and window, parked ones once their window has passed")
    func turnsAndParking() async throws {
        // Given turns in two groups a minute apart
        let clock = TestClock()
        let store = try BoardStore.inMemory(clock: clock.now)
        try await store.write { tx in
            for (n, group) in ["g1", "g2", "g1"].enumerated() {
                let inbox = try #require(
                    try tx.queue.insertInbox(
                        channel: "generic", platformMessageID: "m\(n)", groupID: group, senderID: "u", payload: "{}"))
                try tx.recordTurn(
                    ConversationTurn(
                        inboxID: inbox, channel: "generic", groupID: group, senderID: "u", role: "rider",
                        at: tx.now.addingTimeInterval(Double(n) * 60), text: n == 0 ? "" : "text",
                        imageURLs: n == 0 ? ["http://x/1.jpg"] : [], state: n == 0 ? .parked : .done))
            }
        }
        // When the group's window and the parked turns are read
        let (window, parkedEarly, parkedLate) = try await store.read { tx in
            (
                try tx.turns(channel: "generic", groupID: "g1", senderID: "u", since: tx.now),
                try tx.parkedTurns(before: tx.now),
                try tx.parkedTurns(before: tx.now.addingTimeInterval(1))
            )
        }
        // Then only g1's turns come back, in time order, with their images
        #expect(window.map(\.inboxID) == [1, 3])
        #expect(window.first?.images == ["http://x/1.jpg"])
        #expect(parkedEarly.isEmpty)
        #expect(parkedLate.count == 1)
    }

    @Test("a question is found until answered, and a located item keeps what it knew")
    func questions() async throws {
        let store = try BoardStore.inMemory()
        let (open, afterAnswer, item) = try await store.write { tx in
            let reporter = try tx.upsertMember(platformID: "u", name: "U", role: .rider, grid: nil)
            let created = try tx.createItem(
                NewItem(
                    kind: .issue, category: "manhole", location: Location(building: "3"), text: "x",
                    reporterID: reporter.id!))
            let itemID = created.item.id!
            try tx.askQuestion(channel: "generic", groupID: "g", senderID: "u", itemID: itemID)
            let open = try tx.openQuestion(channel: "generic", groupID: "g", senderID: "u", since: tx.now)
            try tx.answerQuestion(id: open!.id)
            let after = try tx.openQuestion(channel: "generic", groupID: "g", senderID: "u", since: tx.now)
            let located = try tx.locate(
                itemID: itemID, at: Location(estate: "龙西小区", building: "9", grid: "G1"), by: reporter.id!)
            return (open?.itemID, after?.itemID, located)
        }
        #expect(open == 1)
        #expect(afterAnswer == nil)
        #expect(item.estate == "龙西小区")
        #expect(item.building == "3")
        #expect(item.grid == "G1")
    }
}
