import Foundation
import HummingbirdTesting
import Testing

@testable import BotServer
@testable import TaskBoard

/// The simulator's 剧本 (config/sim.yaml) plays a 微心愿 from 点单 to 晒单, the secretary approving it on
/// the board where the story says so.
@Suite struct SimWishStoryTests {
    @Test func theStoryTakesAWishFromItsRequestToItsShowcase() async throws {
        try await withSimServer(configure: { $0.board.users = boardTestUsers() }) { client, store in
            let config = AppConfig()
            let cast = try SimCast.load(
                path: ResourceLocator.resolve(config.sim.personas), groups: config.simGroups,
                samples: ["manhole.jpg", "fixed.jpg", "fire-lane.jpg", "drain.jpg"],
                gazetteer: try Community.load(
                    communityPath: ResourceLocator.resolve(config.community),
                    lexiconPath: ResourceLocator.resolve(config.lexicon)
                ).gazetteer, logger: quietLogger())
            let board = BoardClient(client)
            try await board.login("sec", "pw-secret")
            var bots = 0
            for step in cast.script {
                try await client.simPost(
                    persona: step.persona, group: step.group, text: step.text, photo: step.photo,
                    location: step.location)
                // Each step is answered before the next, as a person tapping through the story waits.
                bots += 1
                _ = try await client.simEntries(group: step.group, bots: 1)
                #expect(
                    try await eventually {
                        try await store.read { tx in try tx.queue.outboxCount(status: .pending) } == 0
                    })
                if step.text.contains("张桂英奶奶") {
                    let wish = try #require(try await store.read { tx in try tx.item(id: 3) })
                    #expect(wish.kind == .wish && wish.awaitsApproval)
                    _ = try await board.get("/board/items/3")
                    _ = try await board.post("/board/items/3/approve-wish", [])
                    #expect(try await store.read { tx in try tx.item(id: 3)?.isApproved } == true)
                }
            }
            #expect(bots == cast.script.count)
            let members = try await client.simEntries(group: "members-1", bots: 1)
            let said = members.filter { $0["kind"]?.string == "bot" }.compactMap { $0["text"]?.string }
            #expect(said.contains { $0.hasPrefix("新微心愿 #3 张奶奶｜龙西小区3栋") }, "\(said)")
            #expect(said.contains { $0.hasPrefix("本周微心愿 1 个待认领") }, "\(said)")
            #expect(said.contains { $0.hasPrefix("#3 已由 李梅 认领") }, "\(said)")
            #expect(said.contains { $0.hasPrefix("#3 心愿已圆梦 ✅ 李梅") }, "\(said)")
            #expect(try await store.read { tx in try tx.item(id: 3)?.status } == .closed)
        }
    }
}
