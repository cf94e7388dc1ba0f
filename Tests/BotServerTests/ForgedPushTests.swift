import Foundation
import Testing

@testable import BotServer

/// Issue 11, item 1: a leaked push URL cannot post another body, a safe-mode account takes no plain
/// pushes, and the clock-skew window is on by default.
@Suite struct ForgedPushTests {
    @Test func aRepeatedNonceIsAdmittedOnlyWithTheSameBody() async {
        let guardian = ReplayGuard(windowSeconds: 300, capacity: 10)
        let body = Data("<xml>a</xml>".utf8)
        #expect(await guardian.admit(channel: "oa", timestamp: "100", nonce: "n", body: body, now: 100))
        #expect(await guardian.admit(channel: "oa", timestamp: "100", nonce: "n", body: body, now: 101), "a retry")
        #expect(
            await !guardian.admit(
                channel: "oa", timestamp: "100", nonce: "n", body: Data("<xml>b</xml>".utf8), now: 102))
        #expect(await guardian.admit(channel: "wecom", timestamp: "100", nonce: "n", body: Data("x".utf8), now: 102))
        for n in 0..<50 {
            _ = await guardian.admit(
                channel: "oa", timestamp: "\(200 + n)", nonce: "\(n)", body: body, now: 1_000 + Int64(n))
        }
        #expect(await guardian.count <= 10, "bounded")
    }

    @Test func theDefaultsAreSafe() throws {
        let yaml = """
            channels:
              - { id: oa1, kind: wechat_official_account, token: t, app_id: wx1,
                  encoding_aes_key: abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG }
              - { id: oa2, kind: wechat_official_account, token: t, max_clock_skew_seconds: 0, allow_plain: true }
            """
        let directory = temporaryDirectory()
        let path = directory + "/fengchao.yaml"
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        let config = try AppConfig.load(path: path, environment: [:])
        #expect(config.channels[0].maxClockSkewSeconds == 300)
        #expect(config.channels[0].allowPlain == false)
        #expect(config.channels[1].maxClockSkewSeconds == nil)
        #expect(config.channels[1].allowPlain)
    }

    @Test func aSafeModeAccountRefusesAPlainPush() throws {
        let endpoint = try OfficialAccountEndpoint(
            config: .init(
                tokens: ["t"], encodingAESKey: "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", appID: "wx1",
                requireEncryption: true))
        let now: Int64 = 1_700_000_000
        let signature = WeChatSignature.compute(["t", "\(now)", "n1"])
        let result = endpoint.message(
            query: ["signature": signature, "timestamp": "\(now)", "nonce": "n1"],
            body: Data("<xml><ToUserName>a</ToUserName></xml>".utf8), now: now)
        guard case .failure(.modeMismatch) = result else {
            Issue.record("a plain push was accepted: \(result)")
            return
        }
    }
}
