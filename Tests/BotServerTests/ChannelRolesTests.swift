import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@testable import BotServer
@testable import TaskBoard

/// Issue 11, item 4 (roles) and item 3 (personas): a configured role holds only on the channel its
/// entry names, and the simulator's personas are members of their own that no real sender can be.
@Suite struct ChannelRolesTests {
    @Test func entriesNameTheirChannelAndABareIdIsTheGenericWebhooks() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/f.yaml"
        try """
        people:
          secretaries: ["sec-1", { channel: ob11, id: "10001" }]
          grid_workers: { "G1": [{ channel: wecom1, id: "wangfang" }, "gw-1"] }
        """.write(toFile: path, atomically: true, encoding: .utf8)
        let people = try AppConfig.load(path: path, environment: [:]).people
        #expect(people.secretaries == [PersonRef(id: "sec-1"), PersonRef(channel: "ob11", id: "10001")])
        #expect(people.gridWorkers["G1"] == [PersonRef(channel: "wecom1", id: "wangfang"), PersonRef(id: "gw-1")])
    }

    /// The same sender id on another channel (an unsigned OneBot message claiming `sec-1`) gets the
    /// group's role, not the secretary's.
    @Test func aRoleHoldsOnlyOnTheChannelItNames() {
        var config = AppConfig()
        config.people = .init(
            secretaries: ["sec-1", PersonRef(channel: "ob11", id: "10001")],
            gridWorkers: ["G1": [PersonRef(channel: "wecom1", id: "wangfang")]])
        let generic = GroupConfig(id: "riders-1", role: .riders)
        let ob11 = GroupConfig(id: "880001", role: .riders, channel: "ob11")
        let wecom = GroupConfig(id: "w1", role: .members, channel: "wecom1")
        #expect(config.identity(of: "sec-1", existing: nil, group: generic).role == .secretary)
        #expect(config.identity(of: "sec-1", existing: nil, group: ob11).role == .rider)
        #expect(config.identity(of: "10001", existing: nil, group: ob11).role == .secretary)
        #expect(config.identity(of: "10001", existing: nil, group: generic).role == .rider)
        #expect(config.identity(of: "wangfang", existing: nil, group: wecom) == Identity(role: .gridWorker, grid: "G1"))
        #expect(config.identity(of: "wangfang", existing: nil, group: generic).role == .rider)
    }

    /// A persona plays the generic webhook's person under a `sim:` id: the secretary persona acts as
    /// secretary, and its messages are never the real `sec-1`'s.
    @Test func personasAreMembersOfTheirOwn() async throws {
        try await withSimServer { client, store in
            let response = try await client.simPost(persona: "secretary", group: "riders-1", text: "查询 #1")
            #expect(response.status == .ok)
            _ = try await eventually {
                try await store.read { tx in try tx.member(platformID: "sim:sec-1") } != nil
            }
            let (persona, row) = try await store.read { tx in
                (try tx.member(platformID: "sim:sec-1"), try tx.queue.inbox(id: 1))
            }
            #expect(persona?.role == .secretary)
            #expect(row?.senderID == "sim:sec-1", "the persona speaks as itself, never as the real sec-1")
            let stored = try await store.read { tx in try tx.queue.inboxCount() }
            #expect(stored == 1)
        }
        let config = AppConfig()
        let sim = GroupConfig(id: "riders-1", role: .riders, channel: SimChannel.id)
        #expect(config.identity(of: "sim:sec-1", existing: nil, group: sim).role == .secretary)
        #expect(config.identity(of: "sec-1", existing: nil, group: sim).role == .rider)
    }

    /// No real channel may carry a simulator id.
    @Test func aRealSenderMayNotTakeASimulatorId() async throws {
        try await withSimServer { client, store in
            let response = try await client.postMessage(messageBody(id: "m1", sender: "sim:sec-1", text: "验收 #1"))
            #expect(response.status == .badRequest)
            #expect(try await store.read { tx in try tx.queue.inboxCount() } == 0)
        }
    }
}
