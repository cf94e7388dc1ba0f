import Foundation
import Synchronization
import Testing

@testable import BotServer

/// The WeCom group robot: byte limits, the 20-a-minute limit, errcode as failure.
@Suite struct WeComRobotTests {
    /// A reply within the limit goes out whole.
    @Test func shortTextIsOnePart() {
        #expect(RobotText.split("已收到 #1", maxBytes: 2048) == ["已收到 #1"])
    }

    /// A long reply is cut at line ends, each part within the byte limit, nothing lost.
    @Test func longTextSplitsAtLineEnds() {
        let lines = (1...300).map { "#\($0) 井盖｜龙西小区\($0)栋［待认领］" }
        let text = lines.joined(separator: "\n")
        let parts = RobotText.split(text, maxBytes: 2048)
        #expect(parts.count > 1)
        #expect(parts.allSatisfy { $0.utf8.count <= 2048 })
        #expect(parts.joined(separator: "\n") == text)
        #expect(parts.allSatisfy { !$0.hasPrefix("\n") })
    }

    /// A single line over the limit is cut between characters, never inside one.
    @Test func overlongLineIsCutBetweenCharacters() {
        let text = String(repeating: "井", count: 1000)
        let parts = RobotText.split(text, maxBytes: 2048)
        #expect(parts.allSatisfy { $0.utf8.count <= 2048 })
        #expect(parts.joined() == text)
    }

    /// The 21st send in a minute waits for the oldest to leave the window; none is dropped.
    @Test func rateLimiterQueuesTheTwentyFirst() async throws {
        let clock = Mutex(ContinuousClock.now)
        let slept = Mutex<[Duration]>([])
        let limiter = RateLimiter(
            limit: 20, per: .seconds(60), now: { clock.withLock { $0 } },
            sleep: { duration in
                slept.withLock { $0.append(duration) }
                clock.withLock { $0 = $0.advanced(by: duration) }
            })
        for _ in 0..<20 {
            try await limiter.acquire()
            clock.withLock { $0 = $0.advanced(by: .seconds(1)) }
        }
        #expect(slept.withLock { $0 }.isEmpty)
        try await limiter.acquire()
        // Twenty seconds have passed; the first send leaves the window after sixty.
        #expect(slept.withLock { $0 } == [.seconds(40)])
    }

    @Test func errcodeIsAFailedAttemptAndMentionsGoFirst() async throws {
        let robot = FakePlatform(answer: #"{"errcode":93000,"errmsg":"invalid webhook url"}"#)
        try await robot.run { base in
            let sender = WeComRobotSender(webhookURL: URL(string: base + "/send?key=k")!, timeout: 60)
            await #expect(throws: ReplySendError.self) {
                try await sender.send(
                    OutboundReply(channel: "bot1", groupID: "g", text: "hi", mentions: ["zhangsan"], inReplyTo: nil))
            }
        }
        let call = try #require(await robot.received.first)
        #expect(call.json["msgtype"]?.string == "text")
        #expect(call.json["text"]?["content"]?.string == "hi")
        #expect(call.json["text"]?["mentioned_list"]?.array?.first?.string == "zhangsan")
    }
}
