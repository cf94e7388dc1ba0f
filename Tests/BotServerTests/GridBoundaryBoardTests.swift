import Foundation
import Testing

@testable import BotServer
@testable import TaskBoard

/// The board's `mayAccess(grid:)` rule on the paths that create items: a grid worker files on
/// someone's behalf only into the own grid (gw serves G1: 龙西小区; 世纪花园 is G2).
@Suite struct GridBoundaryBoardTests {
    @Test func aGridWorkerFilesOnBehalfOnlyIntoTheOwnGrid() async throws {
        let platform = ReplyRecorder()
        try await withServer(platform: platform, configure: BoardTests.configure) { client, store in
            try await client.postMessage(messageBody(id: "r0", sender: "u-9", name: "李梅", text: "报到 李梅"))
            try await platform.waitFor(delivered: 1)
            let reporter = try await store.read { tx in try tx.member(platformID: "u-9")!.id! }
            let board = BoardClient(client)
            try await board.login("gw", "pw-secret")
            _ = try await board.get("/board/reviews")
            let refused = try await board.follow(
                try await board.post(
                    "/board/items/new",
                    [("member", "\(reporter)"), ("estate", "世纪花园"), ("text", "世纪花园3栋井盖坏了")]))
            #expect(refused.html.contains("代为登记"))
            #expect(try await store.read { tx in try tx.item(id: 1) } == nil)
            let filed = try await board.follow(
                try await board.post(
                    "/board/items/new",
                    [("member", "\(reporter)"), ("estate", "龙西小区"), ("text", "龙西小区3栋井盖坏了")]))
            #expect(filed.html.contains("已代为登记 #1"))
            #expect(try await store.read { tx in try tx.item(id: 1)?.grid } == "G1")
        }
    }
}
