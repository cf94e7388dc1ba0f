import Foundation
import Testing

@testable import BotServer

/// Request-level rules beyond what the vectors cover: modes, rotation, missing parameters.
@Suite struct WeChatEndpointTests {
    let key = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
    let appID = "wx0123456789abcdef"
    let now: Int64 = 1_718_092_861
    let inner = """
        <xml><ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[oUser]]></FromUserName>\
        <CreateTime>1718092861</CreateTime><MsgType><![CDATA[text]]></MsgType>\
        <Content><![CDATA[加密的内容]]></Content><MsgId>245849301827364502</MsgId></xml>
        """

    func officialAccount(tokens: [String] = ["tok"], key: String? = nil, requireEncryption: Bool = false) throws
        -> OfficialAccountEndpoint
    {
        try OfficialAccountEndpoint(
            config: .init(
                tokens: tokens, encodingAESKey: key ?? self.key, appID: appID, requireEncryption: requireEncryption))
    }

    /// A safe-mode (or, with `plainCopy`, compat-mode) push signed with `token`.
    func encryptedPush(token: String = "tok", plainCopy: String = "") throws -> (query: [String: String], body: Data) {
        let crypto = try WeChatCrypto(token: token, encodingAESKey: key, receiveID: appID)
        let encrypted = try crypto.encrypt(inner)
        let query = [
            "signature": crypto.signature(timestamp: String(now), nonce: "n1"), "timestamp": String(now), "nonce": "n1",
            "encrypt_type": "aes",
            "msg_signature": crypto.signature(timestamp: String(now), nonce: "n1", encrypted: encrypted),
        ]
        let body =
            "<xml><ToUserName><![CDATA[gh_1]]></ToUserName>\(plainCopy)<Encrypt><![CDATA[\(encrypted)]]></Encrypt></xml>"
        return (query, Data(body.utf8))
    }

    func plainPush(token: String = "tok", content: String = "明文") -> (query: [String: String], body: Data) {
        let query = [
            "signature": WeChatTestHelpers.signature([token, String(now), "n2"]), "timestamp": String(now),
            "nonce": "n2",
            "openid": "oUser",
        ]
        let body = """
            <xml><ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[oUser]]></FromUserName>\
            <CreateTime>1718092861</CreateTime><MsgType><![CDATA[text]]></MsgType>\
            <Content><![CDATA[\(content)]]></Content><MsgId>1</MsgId></xml>
            """
        return (query, Data(body.utf8))
    }

    @Test func safeModeDecrypts() throws {
        let push = try encryptedPush()
        #expect(try officialAccount().message(query: push.query, body: push.body, now: now).get().content == "加密的内容")
    }

    /// Compat mode's plaintext copy is not signed; only the decrypted message counts.
    @Test func compatModeIgnoresTheUnsignedPlaintextCopy() throws {
        let forged = "<FromUserName><![CDATA[oAttacker]]></FromUserName><Content><![CDATA[伪造]]></Content>"
        let push = try encryptedPush(plainCopy: forged)
        let message = try officialAccount().message(query: push.query, body: push.body, now: now).get()
        #expect(message.content == "加密的内容")
        #expect(message.fromUser == "oUser")
    }

    @Test func tokensRotate() throws {
        let endpoint = try officialAccount(tokens: ["new", "old"])
        for token in ["new", "old"] {
            let push = try encryptedPush(token: token)
            #expect(
                try endpoint.message(query: push.query, body: push.body, now: now).get().msgID == "245849301827364502")
            let plain = plainPush(token: token)
            #expect(try endpoint.message(query: plain.query, body: plain.body, now: now).get().content == "明文")
        }
        let stranger = try encryptedPush(token: "other")
        #expect(endpoint.message(query: stranger.query, body: stranger.body, now: now).weChatFailure == .badSignature)
    }

    @Test func plainModeChecksTheSignatureAndOptionallyRefusesPlainPushes() throws {
        let push = plainPush()
        #expect(
            try officialAccount(key: "").message(query: push.query, body: push.body, now: now).get().content == "明文")
        var forged = push.query
        forged["signature"] = WeChatTestHelpers.signature(["guess", String(now), "n2"])
        #expect(try officialAccount().message(query: forged, body: push.body, now: now).weChatFailure == .badSignature)
        let strict = try officialAccount(requireEncryption: true)
        guard case .modeMismatch = strict.message(query: push.query, body: push.body, now: now).weChatFailure else {
            Issue.record("plain push accepted although encryption is required")
            return
        }
    }

    @Test func anEncryptedPushWithoutAKeyIsAMisconfiguration() throws {
        let push = try encryptedPush()
        let error = try officialAccount(key: "").message(query: push.query, body: push.body, now: now).weChatFailure
        guard case .modeMismatch = error else {
            Issue.record("expected modeMismatch, got \(String(describing: error))")
            return
        }
        #expect(error?.httpStatus == 400)
    }

    @Test func missingParametersAreNamed() throws {
        let endpoint = try officialAccount()
        let push = try encryptedPush()
        for name in ["timestamp", "nonce", "msg_signature"] {
            var query = push.query
            query[name] = nil
            #expect(endpoint.message(query: query, body: push.body, now: now).weChatFailure == .missingParameter(name))
        }
        #expect(
            endpoint.urlCheck(query: ["timestamp": "1", "nonce": "n", "echostr": "e"], now: 1).weChatFailure
                == .missingParameter("signature"))
    }

    /// The OA `signature` (token, timestamp, nonce) is checked before the body is even parsed;
    /// `msg_signature` before anything is decrypted.
    @Test func signaturesAreCheckedBeforeParsingOrDecrypting() throws {
        let valid = try encryptedPush()
        var altered = valid.query
        altered["msg_signature"] = String(repeating: "0", count: 40)
        #expect(
            try officialAccount().message(query: altered, body: valid.body, now: now).weChatFailure == .badSignature)
        var badOuter = valid.query
        badOuter["signature"] = String(repeating: "0", count: 40)
        #expect(
            try officialAccount().message(query: badOuter, body: Data("<not xml".utf8), now: now).weChatFailure
                == .badSignature)
    }

    @Test func envelopesWithoutEncryptOrNotXMLAreMalformed() throws {
        let push = try encryptedPush()
        for body in ["<xml><ToUserName>gh</ToUserName></xml>", "{}", ""] {
            let error = try officialAccount().message(query: push.query, body: Data(body.utf8), now: now).weChatFailure
            guard case .malformedBody = error else {
                Issue.record("\(body): \(String(describing: error))")
                continue
            }
        }
    }

    @Test func replyBodyFollowsTheRequestMode() throws {
        let endpoint = try officialAccount()
        let push = try encryptedPush()
        let message = try endpoint.message(query: push.query, body: push.body, now: now).get()
        let sealed = try endpoint.replyBody(to: message, text: "好的", now: now + 1, query: push.query)
        let envelope = try WeChatXML.parse(sealed)
        #expect(envelope["TimeStamp"] == String(now))
        #expect(envelope["Nonce"] == "n1")
        let crypto = try WeChatCrypto(token: "tok", encodingAESKey: key, receiveID: appID)
        let encrypted = try #require(envelope["Encrypt"])
        #expect(envelope["MsgSignature"] == WeChatTestHelpers.signature(["tok", String(now), "n1", encrypted]))
        let reply = try WeChatXML.parse(try crypto.decrypt(encrypted))
        #expect(reply["ToUserName"] == "oUser")
        #expect(reply["Content"] == "好的")
        let plain = plainPush()
        #expect(try endpoint.replyBody(to: message, text: "好的", now: 9, query: plain.query).contains("<![CDATA[好的]]>"))
    }

    @Test func weComURLCheckToleratesAPlusDecodedAsSpace() throws {
        let vector = try WeChatVector.load("wecom_url_verification_ok")
        var query = try #require(vector.query)
        let echostr = try #require(query["echostr"])
        #expect(echostr.contains("+"))
        query["echostr"] = echostr.replacingOccurrences(of: "+", with: " ")
        #expect(try vector.weCom.urlCheck(query: query, now: vector.signedAt).get() == vector.expected.responseBody)
    }

    @Test func weComRefusesATamperedEchostr() throws {
        let vector = try WeChatVector.load("wecom_url_verification_ok")
        var query = try #require(vector.query)
        query["echostr"] = "A" + String(try #require(query["echostr"]).dropFirst())
        #expect(try vector.weCom.urlCheck(query: query, now: vector.signedAt).weChatFailure == .badSignature)
    }

    @Test func endpointsNeedATokenAndAGoodKey() {
        #expect(throws: WeChatCryptoError.missingToken) {
            try OfficialAccountEndpoint(config: .init(tokens: [""], appID: "wx"))
        }
        #expect(throws: WeChatCryptoError.self) {
            try WeComAppEndpoint(config: .init(token: "t", encodingAESKey: "short", corpID: "ww"))
        }
    }

    @Test func errorsSuggestStatuses() {
        #expect(WeChatRequestError.badSignature.httpStatus == 401)
        #expect(WeChatRequestError.staleTimestamp.httpStatus == 401)
        #expect(WeChatRequestError.wrongReceiveID.httpStatus == 403)
        #expect(WeChatRequestError.decryptionFailed(.badPadding).httpStatus == 400)
        #expect(WeChatRequestError.malformedBody("x").httpStatus == 400)
    }
}
