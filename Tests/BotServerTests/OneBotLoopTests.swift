import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BotServer
@testable import TaskBoard

/// A OneBot bridge pointed at fengchao: events in through the webhook, replies out through the
/// bridge's HTTP API, answered by a fake implementation on loopback.
@Suite struct OneBotLoopTests {
    private func event11(id: Int, user: Int64, text: String, image: String? = nil) -> Data {
        var message: [[String: Any]] = [["type": "text", "data": ["text": text]]]
        if let image { message.append(["type": "image", "data": ["file": "a.jpg", "url": image]]) }
        let object: [String: Any] = [
            "time": 1_700_000_000 + id, "self_id": 10001, "post_type": "message", "message_type": "group",
            "sub_type": "normal", "message_id": id, "group_id": 880001, "user_id": user, "message": message,
            "raw_message": text, "font": 0, "sender": ["user_id": user, "nickname": "骑手\(user)"],
        ]
        return try! JSONSerialization.data(withJSONObject: object)
    }

    private func event12(id: String, user: String, text: String, fileID: String? = nil) -> Data {
        var message: [[String: Any]] = [["type": "text", "data": ["text": text]]]
        if let fileID { message.append(["type": "image", "data": ["file_id": fileID]]) }
        let object: [String: Any] = [
            "id": "ev-\(id)", "time": 1_700_000_000.5, "type": "message", "detail_type": "group", "sub_type": "",
            "self": ["platform": "wechat", "user_id": "wxid_bot"], "message_id": id, "message": message,
            "alt_message": text, "group_id": "123@chatroom", "user_id": user,
        ]
        return try! JSONSerialization.data(withJSONObject: object)
    }

    @Test func onebot11ImageReportBecomesAnItemAndTheReceiptGoesThroughTheAPI() async throws {
        let bridge = FakePlatform(answer: #"{"status":"ok","retcode":0,"data":{"message_id":1}}"#)
        try await withServer(
            platform: bridge,
            configure: { config, base in
                var channel = ChannelConfig(id: "ob11", kind: .onebot11)
                channel.secret = "s3cret"
                channel.accessToken = "tok11"
                channel.apiURL = base
                config.channels = [channel]
                config.groups.append(GroupConfig(id: "880001", role: .riders, channel: "ob11"))
            }
        ) { client, store in
            let body = event11(id: 1, user: 42, text: "龙西小区3栋门口井盖松了", image: "http://img.invalid/q.jpg")
            // A wrong signature is refused and stores nothing
            let bad = try await client.execute(
                uri: "/webhook/onebot11/ob11", method: .post,
                headers: [HTTPField.Name("X-Signature")!: "sha1=" + String(repeating: "0", count: 40)],
                body: ByteBuffer(bytes: body))
            #expect(bad.status == .unauthorized)
            #expect(try await store.read { tx in try tx.queue.inboxCount() } == 0)

            let signed = OneBot11Verifier.signature(secret: "s3cret", body: body)
            let ok = try await client.execute(
                uri: "/webhook/onebot11/ob11", method: .post, headers: [HTTPField.Name("X-Signature")!: signed],
                body: ByteBuffer(bytes: body))
            #expect(ok.status == .noContent)
            // The bridge retries the same event: stored once
            _ = try await client.execute(
                uri: "/webhook/onebot11/ob11", method: .post, headers: [HTTPField.Name("X-Signature")!: signed],
                body: ByteBuffer(bytes: body))

            try await bridge.waitFor(delivered: 1)
            let call = await bridge.accepted[0]
            #expect(call.path == "/send_group_msg")
            #expect(call.authorization == "Bearer tok11")
            #expect(call.json["group_id"]?.number == 880001)
            let segments = call.json["message"]?.array ?? []
            #expect(segments.first?["type"]?.string == "at")
            #expect(segments.first?["data"]?["qq"]?.string == "42")
            #expect(segments.contains { $0["data"]?["text"]?.string?.contains("已收到 #1") == true })
            let detail = try #require(try await store.read { tx in try tx.detail(itemID: 1) })
            #expect(detail.item.category == "manhole")
            #expect(detail.photos.map(\.url) == ["http://img.invalid/q.jpg"])
            #expect(detail.reporter.name == "骑手42")
            #expect(try await store.read { tx in try tx.items(status: nil, limit: 10, offset: 0) }.count == 1)
        }
    }

    @Test func onebot12ResolvesFileIDsAndRepliesWithSendMessage() async throws {
        let bridge = FakePlatform(
            answer:
                #"{"status":"ok","retcode":0,"data":{"url":"http://files.invalid/f1.jpg","message_id":"m"},"message":""}"#
        )
        try await withServer(
            platform: bridge,
            configure: { config, base in
                var channel = ChannelConfig(id: "ob12", kind: .onebot12)
                channel.accessToken = "tok12"
                channel.apiURL = base
                config.channels = [channel]
                config.groups.append(GroupConfig(id: "123@chatroom", role: .riders, channel: "ob12"))
            }
        ) { client, store in
            let body = event12(id: "w1", user: "wxid_rider", text: "平东小区5栋楼道灯坏了", fileID: "f1")
            let noToken = try await client.execute(
                uri: "/webhook/onebot12/ob12", method: .post, headers: [HTTPField.Name("X-OneBot-Version")!: "12"],
                body: ByteBuffer(bytes: body))
            #expect(noToken.status == .unauthorized)
            let ok = try await client.execute(
                uri: "/webhook/onebot12/ob12", method: .post,
                headers: [.authorization: "Bearer tok12", HTTPField.Name("X-OneBot-Version")!: "12"],
                body: ByteBuffer(bytes: body))
            #expect(ok.status == .noContent)
            // get_file, then send_message
            try await bridge.waitFor(delivered: 2)
            let calls = await bridge.accepted
            #expect(calls[0].json["action"]?.string == "get_file")
            #expect(calls[1].json["action"]?.string == "send_message")
            #expect(calls[1].authorization == "Bearer tok12")
            #expect(calls[1].json["params"]?["group_id"]?.string == "123@chatroom")
            let segments = calls[1].json["params"]?["message"]?.array ?? []
            #expect(segments.first?["type"]?.string == "mention")
            #expect(segments.first?["data"]?["user_id"]?.string == "wxid_rider")
            let detail = try #require(try await store.read { tx in try tx.detail(itemID: 1) })
            #expect(detail.photos.map(\.url) == ["http://files.invalid/f1.jpg"])
        }
    }
}
