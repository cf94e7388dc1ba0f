import Foundation
import HummingbirdTesting

@testable import BotServer
@testable import TaskBoard

/// What issue 13's tests share: a server on a manual clock whose replies a `ReplyRecorder` keeps,
/// with the board's test users, and the transcript of one group.
enum AroundTheItem {
    /// 08:00 on Monday 5 January 2026 in Shanghai (the manual clock's start): an issue filed then is
    /// due 72 hours later.
    static let issueDue = "1月8日 08:00"

    static func run(
        _ platform: ReplyRecorder, configure: @escaping @Sendable (inout AppConfig) -> Void = { _ in },
        _ body: @Sendable @escaping (any TestClientProtocol, BoardStore, ManualClock) async throws -> Void
    ) async throws {
        let clock = ManualClock()
        try await withServer(
            platform: platform, store: try BoardStore.inMemory(clock: clock.now),
            configure: { config, _ in
                config.board.users = boardTestUsers()
                configure(&config)
            }
        ) { client, store in try await body(client, store, clock) }
    }
}

extension ReplyRecorder {
    /// What one group heard, in order, with whom each reply @-mentioned.
    func heard(in group: String) -> [Heard] {
        accepted.filter { $0.reply.groupID == group }.map { Heard(text: $0.reply.text, mentions: $0.reply.mentions) }
    }
}

/// One reply as a group member sees it.
struct Heard: Equatable, CustomStringConvertible {
    var text: String
    var mentions: [String]

    init(_ text: String, _ mentions: [String] = []) {
        self.text = text
        self.mentions = mentions
    }

    init(text: String, mentions: [String]) {
        self.init(text, mentions)
    }

    var description: String { "\(mentions.map { "@\($0)" }.joined(separator: " ")) \(text)" }
}
