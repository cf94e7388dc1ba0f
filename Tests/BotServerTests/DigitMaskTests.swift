import Logging
import TaskBoard
import Testing

@testable import BotServer

/// Phone and ID-card numbers stay out of logs and out of replies that echo a resident's words.
@Suite struct DigitMaskTests {
    @Test func longDigitRunsAreMaskedShortOnesKept() {
        #expect(DigitMask.mask("联系电话13812345678") == "联系电话138******78")
        #expect(DigitMask.mask("电话 138-1234-5678 找张奶奶") == "电话 138-****-**78 找张奶奶")
        #expect(DigitMask.mask("身份证110101199001011234") == "身份证110*************34")
        #expect(DigitMask.mask("手机１３８１２３４５６７８") == "手机１３８******７８")
        #expect(DigitMask.mask("龙西小区12栋301室 #1234") == "龙西小区12栋301室 #1234")
        #expect(DigitMask.mask("") == "")
    }

    @Test func everyLogLineIsMasked() {
        let lines = RecordingLogHandler.Lines()
        let logger = Logger(label: "test") { _ in MaskingLogHandler(wrapped: RecordingLogHandler(lines: lines)) }
        logger.notice("reply 联系电话13812345678", metadata: ["text": "找我 13812345678", "n": "\(13_812_345_678)"])
        let line = lines.all.map { "\($0.message) \($0.metadata)" }.joined(separator: "\n")
        #expect(!line.contains("13812345678"))
        #expect(line.contains("138******78"))
    }

    @Test func aWishReceiptDoesNotEchoThePhoneNumber() async throws {
        let platform = ReplyRecorder()
        try await withServer(platform: platform) { client, store in
            try await client.postMessage(
                messageBody(id: "w1", sender: "u-1", text: "我想要一辆轮椅，家住龙西小区3栋，联系电话13812345678"))
            try await platform.waitFor(delivered: 1)
            let text = await platform.texts[0]
            #expect(!text.contains("13812345678"))
            #expect(text.contains("轮椅") && text.contains("联系电话***"), "the wish is echoed, hidden: \(text)")
            let stored = try await store.read { tx in try tx.items(status: nil, limit: 1, offset: 0).first?.text }
            #expect(stored?.contains("13812345678") == true, "the board keeps the number for the secretary")
        }
    }
}
