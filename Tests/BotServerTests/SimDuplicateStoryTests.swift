import Foundation
import Testing

@testable import BotServer
@testable import TaskBoard

/// The simulator's 剧本 includes a duplicate: its second step reports #1's manhole cover again, and
/// played after the first it is joined to #1.
@Suite struct SimDuplicateStoryTests {
    @Test func theStorysSecondStepIsJoinedToTheFirstReport() async throws {
        let config = AppConfig()
        let cast = try SimCast.load(
            path: ResourceLocator.resolve(config.sim.personas), groups: config.simGroups,
            samples: ["manhole.jpg", "fixed.jpg", "fire-lane.jpg", "drain.jpg"],
            gazetteer: try Community.load(
                communityPath: ResourceLocator.resolve(config.community),
                lexiconPath: ResourceLocator.resolve(config.lexicon)
            ).gazetteer, logger: quietLogger())
        let steps = Array(cast.script.prefix(2))
        #expect(steps.map(\.persona) == ["rider-1", "rider-2"])
        try await withSimServer { client, store in
            for (n, step) in steps.enumerated() {
                try await client.simPost(persona: step.persona, group: step.group, text: step.text, photo: step.photo)
                _ = try await client.simEntries(group: "riders-1", bots: n + 1)
            }
            let riders = JSONValue.botTexts(try await client.simEntries(group: "riders-1", bots: 2))
            #expect(riders[0].hasPrefix("已收到 #1"))
            #expect(riders[1] == "与 #1 是同一件事，已合并跟进，办结后会通知您")
            #expect(try await store.read { tx in try tx.joinedReports(of: 1).count } == 1)
        }
    }
}
