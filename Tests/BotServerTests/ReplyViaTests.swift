import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BotServer
@testable import TaskBoard

/// A WeCom app's chats answered through a WeCom group robot (`reply_via`), and WeChat's retries.
@Suite struct ReplyViaTests {
    static let key = "ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut"
    static let corp = "ww1234567890abcdef"

    private func wecomPost(_ crypto: WeChatCrypto, msgID: String, from user: String, text: String) throws
        -> (uri: String, body: ByteBuffer)
    {
        let now = String(Int(Date().timeIntervalSince1970))
        let xml = """
            <xml><ToUserName><![CDATA[\(Self.corp)]]></ToUserName><FromUserName><![CDATA[\(user)]]></FromUserName>\
            <CreateTime>\(now)</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[\(text)]]></Content>\
            <MsgId>\(msgID)</MsgId><AgentID>1000002</AgentID></xml>
            """
        let encrypted = try crypto.encrypt(xml)
        let signature = crypto.signature(timestamp: now, nonce: "n1", encrypted: encrypted)
        let body =
            "<xml><ToUserName><![CDATA[\(Self.corp)]]></ToUserName><Encrypt><![CDATA[\(encrypted)]]></Encrypt></xml>"
        let query = "msg_signature=\(signature)&timestamp=\(now)&nonce=n1"
        return ("/webhook/wecom/wc1?\(query)", ByteBuffer(string: body))
    }

    @Test func wecomAppRepliesGoThroughTheRobotAndRetriesAreProcessedOnce() async throws {
        let robot = FakePlatform(answer: #"{"errcode":0,"errmsg":"ok"}"#)
        let crypto = try WeChatCrypto(token: "tok", encodingAESKey: Self.key, receiveID: Self.corp)
        try await withServer(
            platform: robot,
            configure: { config, base in
                var app = ChannelConfig(id: "wc1", kind: .wecomApp)
                app.token = "tok"
                app.encodingAESKey = Self.key
                app.corpID = Self.corp
                var bot = ChannelConfig(id: "bot1", kind: .wecomGroupRobot)
                bot.webhookURL = base + "/send?key=k"
                config.channels = [app, bot]
                // No members' group: the robot carries the receipt alone, no announcement.
                config.groups = [GroupConfig(id: "*", role: .riders, channel: "wc1", replyVia: "bot1")]
            }
        ) { client, store in
            let post = try wecomPost(crypto, msgID: "7000000000000000001", from: "lisi", text: "龙西小区12栋窨井盖破损")
            // WeCom delivers the same message four times (its retries)
            for _ in 0..<4 {
                let response = try await client.execute(uri: post.uri, method: .post, body: post.body)
                #expect(response.status == .ok)
            }
            try await robot.waitFor(delivered: 1)
            let sent = await robot.accepted[0]
            #expect(sent.json["text"]?["content"]?.string?.contains("已收到 #1") == true)
            #expect(sent.json["text"]?["mentioned_list"]?.array?.first?.string == "lisi")
            #expect(try await store.read { tx in try tx.items(status: nil, limit: 10, offset: 0) }.count == 1)
            #expect(try await store.read { tx in try tx.queue.inboxCount() } == 1)
            #expect(
                try await eventually { try await store.read { tx in try tx.queue.outboxCount(status: .sent) } == 1 })
            #expect(await robot.accepted.count == 1)
        }
    }
}
