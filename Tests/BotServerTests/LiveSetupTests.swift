import Foundation
import IntentParser
import TaskBoard
import Testing

@testable import BotServer

/// The board's set-up is in force at once, for parser and router alike, and survives a restart.
@Suite struct LiveSetupTests {
    @Test func aSavedEstateIsParsedAndRoutedAtOnceAndAfterARestart() async throws {
        let store = try BoardStore.inMemory()
        let setup = try await LiveSetup.load(config: testConfig(), store: store)
        let text = "金桂苑3栋门口井盖坏了"
        #expect(setup.current.useCases.router.grid(ofEstate: "金桂苑") == nil)

        try await setup.update(CommunitySetup.places, by: "secretary") { setup in
            let index = try #require(setup.places.grids.firstIndex { $0.id == "G2" })
            setup.places.grids[index].estates.append(Gazetteer.Estate(name: "金桂苑", aliases: ["金桂"]))
            return SetupChange(action: "estate.add", subject: "金桂苑", detail: "G2")
        }

        let parsed = setup.current.parser.parse(ParserInput(text: text, senderRole: .rider))
        #expect(parsed.place?.estate == "金桂苑")
        #expect(setup.current.useCases.router.grid(ofEstate: "金桂") == "G2")
        let log = try await store.read { tx in try tx.auditLog(limit: 10) }
        #expect(log.map(\.actor) == ["secretary"])
        #expect(log.map(\.change) == [SetupChange(action: "estate.add", subject: "金桂苑", detail: "G2")])

        let restarted = try await LiveSetup.load(config: testConfig(), store: store)
        #expect(restarted.current.useCases.router.grid(ofEstate: "金桂苑") == "G2")
        #expect(restarted.current.setup == setup.current.setup)
    }

    @Test func aRefusedChangeLeavesEverythingAsItWas() async throws {
        struct Refused: Error {}
        let store = try BoardStore.inMemory()
        let setup = try await LiveSetup.load(config: testConfig(), store: store)
        let before = setup.current.setup
        await #expect(throws: Refused.self) {
            try await setup.update(CommunitySetup.people, by: "secretary") { setup in
                setup.people.secretaries.append("someone")
                throw Refused()
            }
        }
        #expect(setup.current.setup == before)
        #expect(try await store.read { tx in try tx.setupSections().isEmpty && tx.auditLogCount() == 0 })
    }

    @Test func peopleAndGroupsSavedOnTheBoardReplaceTheFilesSections() async throws {
        let store = try BoardStore.inMemory()
        let setup = try await LiveSetup.load(config: testConfig(), store: store)
        try await setup.update(CommunitySetup.groups, by: "secretary") { setup in
            setup.groups.append(GroupConfig(id: "ob-778", role: .members, channel: "ob11"))
            return SetupChange(action: "group.name", subject: "ob-778", detail: "members")
        }
        try await setup.update(CommunitySetup.people, by: "secretary") { setup in
            setup.people.gridWorkers["G2", default: []].append(PersonRef(channel: "ob11", id: "555"))
            return SetupChange(action: "role.promote", subject: "ob11:555", detail: "G2")
        }
        let config = setup.current.config
        #expect(config.groups.last == GroupConfig(id: "ob-778", role: .members, channel: "ob11"))
        #expect(config.people.gridWorkers["G2"] == [PersonRef(channel: "ob11", id: "555")])
        #expect(config.people.secretaries == testConfig().people.secretaries)
        let stored = try await store.read { tx in try tx.setupSections() }
        #expect(stored["people"]?.contains(#""channel":"ob11""#) == true)
        #expect(stored["people"]?.contains(#""grid_workers""#) == true)
    }
}
