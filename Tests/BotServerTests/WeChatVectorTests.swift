import Crypto
import Foundation
import Testing

@testable import BotServer

/// One wechatpy vector from `Fixtures/wechat/` (copies of the shared set; see its README).
///
/// `expected.parsed` stays untyped JSON so that every field a vector lists is compared, even
/// ones this file does not name.
struct WeChatVector: Decodable {
    var name: String
    var platform: String
    var token: String
    var encodingAesKey: String
    var appIdOrCorpId: String
    var timestamp: String
    var nonce: String
    var kind: String
    var direction: String
    var mode: String
    var query: [String: String]?
    var requestBody: String?
    var replyPlaintextXml: String?
    var expected: Expected

    struct Expected: Decodable {
        var valid: Bool
        var responseBody: String?
        var plaintextXml: String?
        var parsed: [String: JSONValue]?
        var crypto: Layout?
        var error: String?
        var decryptedPlaintextXml: String?
        var msgSignature: String?
    }

    /// `expected.crypto`: how the ciphertext is laid out.
    struct Layout: Decodable {
        var aesKeyHex: String
        var ivHex: String
        var randomPrefixHex: String
        var msgLen: Int
        var receiveId: String
        var unpaddedLen: Int
        var pkcs7PadLen: Int
        var paddedLen: Int
        var ciphertextLen: Int
        var encrypt: String
    }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/wechat")

    /// Every vector file name, sorted so test ids are stable.
    static let allNames: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }()

    static func load(_ name: String) throws -> WeChatVector {
        let data = try Data(contentsOf: directory.appendingPathComponent(name + ".json"))
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(WeChatVector.self, from: data)
    }

    static func names(where include: (WeChatVector) -> Bool) -> [String] {
        allNames.filter { name in (try? load(name)).map(include) ?? false }
    }

    var isOfficialAccount: Bool { platform == "wechat_official_account" }
    var signedAt: Int64 { Int64(timestamp)! }

    /// The crypto configured as the vector says.
    func crypto(receiveID: String? = nil) throws -> WeChatCrypto {
        try WeChatCrypto(token: token, encodingAESKey: encodingAesKey, receiveID: receiveID ?? appIdOrCorpId)
    }

    var officialAccount: OfficialAccountEndpoint {
        get throws {
            try OfficialAccountEndpoint(
                config: .init(tokens: [token], encodingAESKey: encodingAesKey, appID: appIdOrCorpId))
        }
    }

    var weCom: WeComAppEndpoint {
        get throws {
            try WeComAppEndpoint(config: .init(token: token, encodingAESKey: encodingAesKey, corpID: appIdOrCorpId))
        }
    }
}

@Suite struct WeChatVectorTests {
    /// The vectors are present, so a missing copy cannot make the parameterized tests vacuous.
    @Test func fixturesAreCopied() {
        #expect(WeChatVector.allNames.count >= 21)
    }

    /// Every inbound vector: valid ones answer the exact body or decode to the exact plaintext and
    /// fields; invalid ones are refused with the matching error.
    @Test(arguments: WeChatVector.names { $0.direction == "inbound" })
    func inbound(_ name: String) throws {
        let vector = try WeChatVector.load(name)
        let query = try #require(vector.query)
        let now = vector.signedAt
        switch vector.kind {
        case "url_verification":
            let result =
                vector.isOfficialAccount
                ? try vector.officialAccount.urlCheck(query: query, now: now)
                : try vector.weCom.urlCheck(query: query, now: now)
            if vector.expected.valid {
                #expect(try result.get() == vector.expected.responseBody)
            } else {
                expectRefusal(result, vector)
            }
        case "message":
            let body = Data(try #require(vector.requestBody).utf8)
            let result =
                vector.isOfficialAccount
                ? try vector.officialAccount.message(query: query, body: body, now: now)
                : try vector.weCom.message(query: query, body: body, now: now)
            if vector.expected.valid {
                let message = try result.get()
                try expectPlaintext(vector)
                try expectParsed(message, vector.expected.parsed ?? [:])
                // What the inbox gets: the user is the chat; events are left to the caller.
                let inbound = message.inbound(channel: "wechat")
                if message.type == .event {
                    #expect(inbound == nil)
                } else {
                    #expect(inbound?.messageID == message.msgID)
                    #expect(inbound?.senderID == message.fromUser)
                    #expect(inbound?.groupID == message.fromUser)
                }
            } else {
                expectRefusal(result, vector)
            }
        default:
            Issue.record("unknown inbound kind \(vector.kind)")
        }
    }

    /// A request replayed later than the allowed skew is refused before anything is decrypted.
    @Test(arguments: WeChatVector.names { $0.direction == "inbound" && $0.expected.valid })
    func staleRequestsAreRefused(_ name: String) throws {
        let vector = try WeChatVector.load(name)
        let query = try #require(vector.query)
        let late = vector.signedAt + 301
        let body = Data((vector.requestBody ?? "").utf8)
        let error: WeChatRequestError?
        switch (vector.isOfficialAccount, vector.kind) {
        case (true, "url_verification"):
            error = try vector.officialAccount.urlCheck(query: query, now: late).weChatFailure
        case (true, _): error = try vector.officialAccount.message(query: query, body: body, now: late).weChatFailure
        case (false, "url_verification"): error = try vector.weCom.urlCheck(query: query, now: late).weChatFailure
        case (false, _): error = try vector.weCom.message(query: query, body: body, now: late).weChatFailure
        }
        #expect(error == .staleTimestamp)
        #expect(error?.httpStatus == 401)
    }

    /// The plaintext the platform sent: the body itself in plain mode, else `<Encrypt>` decrypted.
    private func expectPlaintext(_ vector: WeChatVector) throws {
        let expected = try #require(vector.expected.plaintextXml)
        let body = try #require(vector.requestBody)
        if vector.mode == "plain" {
            #expect(body == expected)
        } else {
            let encrypted = try #require(try WeChatXML.parse(body)["Encrypt"])
            #expect(try vector.crypto().decrypt(encrypted) == expected)
        }
    }

    /// Compares each field wechatpy listed; names the typed properties, falls back to the raw
    /// element for any other (wechatpy's `thumb_media_id` is the element `ThumbMediaId`).
    private func expectParsed(_ message: WeChatMessage, _ parsed: [String: JSONValue]) throws {
        #expect(!parsed.isEmpty)
        for (key, value) in parsed {
            switch key {
            case "type": #expect(message.type.rawValue == value.lenientString, "type")
            case "to_user": #expect(message.toUser == value.lenientString, "to_user")
            case "from_user": #expect(message.fromUser == value.lenientString, "from_user")
            case "create_time": #expect(String(message.createTime) == value.lenientString, "create_time")
            case "msg_id": #expect(message.msgID == value.lenientString, "msg_id")
            case "content": #expect(message.content == value.lenientString, "content")
            case "pic_url": #expect(message.picURL == value.lenientString, "pic_url")
            case "media_id": #expect(message.mediaID == value.lenientString, "media_id")
            case "recognition": #expect(message.recognition == value.lenientString, "recognition")
            case "event": #expect(message.event == value.lenientString, "event")
            case "event_key", "key": #expect(message.eventKey == value.lenientString, "event_key")
            case "agent_id": #expect(message.agentID.map(String.init) == value.lenientString, "agent_id")
            case "location":
                guard case .object(let pin) = value else {
                    Issue.record("location is not an object")
                    continue
                }
                let location = try #require(message.location)
                #expect(location.latitude == pin["x_latitude"]?.lenientString.flatMap(Double.init), "latitude")
                #expect(location.longitude == pin["y_longitude"]?.lenientString.flatMap(Double.init), "longitude")
                if let scale = pin["scale"] { #expect(location.scale.map(String.init) == scale.lenientString, "scale") }
                if let label = pin["label"] { #expect(location.label == label.lenientString, "label") }
            default:
                let element = key.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
                #expect(message.fields[element] == value.lenientString, "\(key) as <\(element)>")
            }
        }
    }

    private func expectRefusal<T>(_ result: Result<T, WeChatRequestError>, _ vector: WeChatVector) {
        guard case .failure(let error) = result else {
            Issue.record("\(vector.name) was accepted")
            return
        }
        #expect((400..<500).contains(error.httpStatus))
        switch vector.expected.error {
        case "invalid_signature":
            #expect(error == .badSignature)
        case "receive_id_mismatch":
            #expect(error == .wrongReceiveID)
            #expect(error.httpStatus == 403)
        case "decrypt_failed_or_receive_id_mismatch":
            switch error {
            case .decryptionFailed, .wrongReceiveID, .invalidMessage: break
            default: Issue.record("unexpected \(error)")
            }
        default:
            break
        }
    }

    // MARK: crypto layout

    /// Decrypting each `expected.crypto.encrypt` gives the listed layout, and encrypting again with
    /// the injected random prefix reproduces the ciphertext byte for byte.
    @Test(arguments: WeChatVector.names { $0.expected.crypto != nil })
    func cryptoLayout(_ name: String) throws {
        let vector = try WeChatVector.load(name)
        let layout = try #require(vector.expected.crypto)
        let crypto = try vector.crypto(receiveID: layout.receiveId)
        let payload = try crypto.open(layout.encrypt)
        #expect(WeChatTestHelpers.hex(payload.randomPrefix) == layout.randomPrefixHex)
        #expect(payload.messageLength == layout.msgLen)
        #expect(payload.message.utf8.count == layout.msgLen)
        #expect(payload.receiveID == layout.receiveId)
        #expect(payload.paddingLength == layout.pkcs7PadLen)
        #expect(20 + layout.msgLen + layout.receiveId.utf8.count == layout.unpaddedLen)
        #expect(layout.unpaddedLen + layout.pkcs7PadLen == layout.paddedLen)
        #expect(Data(base64Encoded: layout.encrypt)?.count == layout.ciphertextLen)
        #expect(try crypto.decrypt(layout.encrypt) == payload.message)

        let prefix = try #require(WeChatTestHelpers.bytes(hex: layout.randomPrefixHex))
        #expect(try crypto.encrypt(payload.message, randomPrefix: prefix) == layout.encrypt)
    }

    /// The IV is the key's first half, as every vector lists it.
    @Test(arguments: WeChatVector.names { $0.expected.crypto != nil })
    func keyDerivation(_ name: String) throws {
        let vector = try WeChatVector.load(name)
        let layout = try #require(vector.expected.crypto)
        let key = try #require(Data(base64Encoded: vector.encodingAesKey + "="))
        #expect(WeChatTestHelpers.hex(Array(key)) == layout.aesKeyHex)
        #expect(WeChatTestHelpers.hex(Array(key.prefix(16))) == layout.ivHex)
    }

    // MARK: outbound

    /// `how_to_test` of each passive-reply vector: our envelope verifies, decrypts to the expected
    /// plaintext, is padded to 32, and with the injected prefix equals wechatpy's byte for byte.
    @Test(arguments: WeChatVector.names { $0.kind == "passive_reply" })
    func passiveReply(_ name: String) throws {
        let vector = try WeChatVector.load(name)
        let plaintext = try #require(vector.replyPlaintextXml)
        let crypto = try vector.crypto()

        let envelope = try crypto.replyEnvelope(
            plaintextXML: plaintext, timestamp: vector.timestamp, nonce: vector.nonce)
        let fields = try WeChatXML.parse(envelope)
        let encrypted = try #require(fields["Encrypt"])
        #expect(fields["TimeStamp"] == vector.timestamp)
        #expect(fields["Nonce"] == vector.nonce)
        #expect(
            fields["MsgSignature"]
                == WeChatTestHelpers.signature([vector.token, vector.timestamp, vector.nonce, encrypted]))

        let payload = try crypto.open(encrypted)
        #expect(payload.message == vector.expected.decryptedPlaintextXml)
        #expect(payload.receiveID == vector.appIdOrCorpId)
        let padded = try #require(Data(base64Encoded: encrypted)).count
        #expect(padded % 32 == 0)
        let unpadded = 20 + payload.messageLength + payload.receiveID.utf8.count
        #expect(payload.paddingLength == 32 - unpadded % 32)
        #expect(padded == unpadded + payload.paddingLength)

        let layout = try #require(vector.expected.crypto)
        let prefix = try #require(WeChatTestHelpers.bytes(hex: layout.randomPrefixHex))
        let exact = try crypto.replyEnvelope(
            plaintextXML: plaintext, timestamp: vector.timestamp, nonce: vector.nonce, randomPrefix: prefix)
        let exactFields = try WeChatXML.parse(exact)
        #expect(exactFields["Encrypt"] == layout.encrypt)
        #expect(exactFields["MsgSignature"] == vector.expected.msgSignature)
    }

    /// Our reply builder writes exactly the plaintext the reply vectors expect, given the message
    /// being answered (To/From swapped, AgentID kept for WeCom).
    @Test(arguments: WeChatVector.names { $0.kind == "passive_reply" })
    func replyBuilderMatchesVector(_ name: String) throws {
        let vector = try WeChatVector.load(name)
        let plaintext = try #require(vector.replyPlaintextXml)
        let reply = try WeChatXML.parse(plaintext)
        var incoming: [String: String] = [
            "ToUserName": try #require(reply["FromUserName"]), "FromUserName": try #require(reply["ToUserName"]),
            "CreateTime": "1", "MsgType": "text", "Content": "hi", "MsgId": "1",
        ]
        incoming["AgentID"] = reply["AgentID"]
        let message = try WeChatMessage(fields: incoming)
        let createTime = try #require(reply["CreateTime"])
        let now = try #require(Int64(createTime))
        let text = try #require(reply["Content"])
        #expect(message.textReply(text, now: now) == plaintext)
        if vector.isOfficialAccount {
            let endpoint = try vector.officialAccount
            #expect(endpoint.passiveReply(to: message, text: text, now: now) == plaintext)
            let sealed = try endpoint.encryptedPassiveReply(
                to: message, text: text, now: now, timestamp: vector.timestamp, nonce: vector.nonce)
            let encrypted = try #require(try WeChatXML.parse(sealed)["Encrypt"])
            #expect(try vector.crypto().decrypt(encrypted) == plaintext)
        } else {
            let endpoint = try vector.weCom
            let sealed = try endpoint.encryptedPassiveReply(
                to: message, text: text, now: now, timestamp: vector.timestamp, nonce: vector.nonce)
            let encrypted = try #require(try WeChatXML.parse(sealed)["Encrypt"])
            #expect(try vector.crypto().decrypt(encrypted) == plaintext)
        }
    }
}

/// Small helpers for the WeChat tests, namespaced so they cannot collide with other suites'.
enum WeChatTestHelpers {
    /// SHA-1 over the byte-sorted parts, written here without the production helper.
    static func signature(_ parts: [String]) -> String {
        let joined = parts.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }.joined()
        return hex(Array(Insecure.SHA1.hash(data: Data(joined.utf8))))
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }

    static func bytes(hex: String) -> [UInt8]? {
        let chars = Array(hex)
        guard chars.count % 2 == 0 else { return nil }
        return stride(from: 0, to: chars.count, by: 2).compactMap { UInt8(String(chars[$0...$0 + 1]), radix: 16) }
    }
}

extension Result {
    /// The error, or nil on success.
    var weChatFailure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
