import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

@testable import BotServer
@testable import TaskBoard

/// The simulator's chat nobody configured (config/sim.yaml `groups:`): it shows as 未登记, hears once
/// that it is not set up, and is a riders' group the moment the secretary names it — no restart.
@Suite struct SimUnconfiguredGroupTests {
    final class SetupSlot: Sendable {
        let value = Mutex<LiveSetup?>(nil)
    }

    @Test func aChatNamedOnTheBoardIsServedAtOnce() async throws {
        let store = try BoardStore.inMemory()
        let slot = SetupSlot()
        var dependencies = AppDependencies(logger: quietLogger(), store: store)
        dependencies.pollInterval = .milliseconds(20)
        dependencies.receivesSetup = { setup in slot.value.withLock { $0 = setup } }
        let app = try await buildApplication(config: testConfig(), dependencies: dependencies)
        try await app.test(.router) { client in
            let page = try await client.execute(uri: "/sim", method: .get) { String(buffer: $0.body) }
            #expect(page.contains("城南骑手群（未登记）"))

            for n in 1...2 {
                try await client.simPost(persona: "rider-2", group: "riders-2", text: "城南路\(n)号井盖坏了")
            }
            let entries = try await client.simEntries(group: "riders-2", bots: 1)
            #expect(JSONValue.botTexts(entries) == ["这个群还没有接入蜂巢，请联系社区书记配置。"])
            #expect(
                try await eventually { try await store.read { tx in try tx.queue.inboxCount(state: .failed) } == 2 })

            let setup = try #require(slot.value.withLock { $0 })
            try await setup.update(CommunitySetup.groups, by: "secretary") { setup in
                setup.groups.append(GroupConfig(id: "riders-2", role: .riders, channel: SimChannel.id))
                return SetupChange(.groupName, subject: "sim:riders-2", detail: "riders")
            }
            let named = try await client.execute(uri: "/sim", method: .get) { String(buffer: $0.body) }
            #expect(!named.contains("（未登记）"))

            try await client.simPost(persona: "rider-2", group: "riders-2", text: "龙西小区12栋门口井盖坏了")
            let after = try await client.simEntries(group: "riders-2", bots: 2)
            let texts = JSONValue.botTexts(after)
            #expect(texts.count == 2)
            #expect(texts.last?.contains("#1") == true)
            #expect(try await store.read { tx in try tx.item(id: 1)?.estate } == "龙西小区")
        }
    }
}
