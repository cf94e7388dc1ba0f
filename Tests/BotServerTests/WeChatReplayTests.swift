import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BotServer
@testable import TaskBoard

/// A wechatpy vector replayed over HTTP through the real route: verified, stored once, answered
/// with an encrypted receipt that decrypts with the vector's key.
@Suite struct WeChatReplayTests {
    struct Vector: Decodable {
        var token: String
        var encodingAESKey: String
        var appID: String
        var query: [String: String]
        var requestBody: String

        enum CodingKeys: String, CodingKey {
            case token, query
            case encodingAESKey = "encoding_aes_key"
            case appID = "app_id_or_corp_id"
            case requestBody = "request_body"
        }
    }

    @Test func safeModeVectorIsStoredOnceAndAnsweredWithAnEncryptedReceipt() async throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/wechat/oa_aes_text_report.json")
        let vector = try JSONDecoder().decode(Vector.self, from: Data(contentsOf: url))
        let crypto = try WeChatCrypto(
            token: vector.token, encodingAESKey: vector.encodingAESKey, receiveID: vector.appID)
        try await withServer(
            platform: FakePlatform(),
            configure: { config, _ in
                var channel = ChannelConfig(id: "oa1", kind: .wechatOfficialAccount)
                channel.token = vector.token
                channel.encodingAESKey = vector.encodingAESKey
                channel.appID = vector.appID
                // A recorded vector carries its recording's timestamp: replaying it needs the check off.
                channel.maxClockSkewSeconds = nil
                config.channels = [channel]
                config.groups.append(GroupConfig(id: "*", role: .riders, channel: "oa1"))
            }
        ) { client, store in
            let query = vector.query.map {
                "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $0.value)"
            }
            .joined(separator: "&")
            for _ in 0..<2 {
                let response = try await client.execute(
                    uri: "/webhook/wechat/oa1?\(query)", method: .post, body: ByteBuffer(string: vector.requestBody))
                #expect(response.status == .ok)
                let fields = try WeChatXML.parse(String(buffer: response.body))
                let plaintext = try crypto.decrypt(try #require(fields["Encrypt"]))
                #expect(plaintext.contains("已收到 #1"))
            }
            #expect(try await store.read { tx in try tx.queue.inboxCount() } == 1)
            let stored = try #require(
                try await store.read { tx in
                    try tx.queue.inboxMessage(channel: "oa1", platformMessageID: "245849301827364502")
                })
            #expect(stored.payload.contains("窨井盖"))
            #expect(try await store.read { tx in try tx.items(status: nil, limit: 5, offset: 0) }.count == 1)
        }
    }
}
