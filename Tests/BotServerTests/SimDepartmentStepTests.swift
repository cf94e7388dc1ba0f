import Foundation
import Testing

@testable import BotServer
@testable import TaskBoard

/// The simulator's story includes 吹哨报到: played step by step as the page offers it, the fire lane
/// at the market goes to 城管, its answer is recorded and the secretary strikes it off.
@Suite struct SimDepartmentStepTests {
    @Test func theStoryEscalatesTheFireLaneAndRecordsTheDepartmentsAnswer() async throws {
        let config = AppConfig()
        let gazetteer = try Community.load(
            communityPath: ResourceLocator.resolve(config.community),
            lexiconPath: ResourceLocator.resolve(config.lexicon)
        ).gazetteer
        let cast = try SimCast.load(
            path: ResourceLocator.resolve(config.sim.personas), groups: config.simGroups,
            samples: ["manhole.jpg", "fixed.jpg", "fire-lane.jpg", "drain.jpg"], gazetteer: gazetteer,
            logger: quietLogger())
        let escalation = try #require(cast.script.firstIndex { $0.text == "吹哨 #2 城管" })
        let steps = Array(cast.script[...(escalation + 2)])
        #expect(steps.suffix(2).map(\.text) == ["#2 城管回复：已安排 明天上午清理", "销号 #2"])
        try await withSimServer { client, store in
            for step in steps {
                try await client.simPost(
                    persona: step.persona, group: step.group, text: step.text, photo: step.photo,
                    location: step.location)
            }
            #expect(try await eventually { try await store.read { tx in try tx.item(id: 2)?.status } == .closed })
            // The strike-off's reply is the last of the story in the members' group
            #expect(
                try await eventually {
                    let (_, body) = try await client.simTranscript(group: "members-1")
                    return JSONValue.botTexts(body?["entries"]?.array ?? []).contains { $0.hasPrefix("#2 已销号办结 ✅") }
                })
            let (_, body) = try await client.simTranscript(group: "members-1")
            let members = JSONValue.botTexts(body?["entries"]?.array ?? [])
            #expect(members.contains { $0.hasPrefix("#2 已上报至城管（吹哨·街道级），答复时限 ") })
            #expect(members.contains("#2 已记录城管答复：已安排 明天上午清理"))
            #expect(members.contains { $0.hasPrefix("#2 已销号办结 ✅") })
            let (request, answer) = try await store.read { tx in
                (
                    try tx.currentRequest(itemID: 2),
                    try tx.detail(itemID: 2)?.events.first { $0.action == .departmentAnswered }
                )
            }
            #expect(request?.department == "城管")
            #expect(request?.answeredAt != nil)
            #expect(request?.solvedAt != nil)
            #expect(answer?.note == "已安排 明天上午清理")
        }
    }
}
