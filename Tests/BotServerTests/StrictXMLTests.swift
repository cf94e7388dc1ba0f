import Foundation
import Testing

@testable import BotServer

/// Issue 11, item 12 (XML): only UTF-8 documents, no `<!` outside CDATA anywhere, and an encrypted
/// push's envelope is not parsed before its signature holds.
@Suite struct StrictXMLTests {
    static let key = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"

    /// UTF-16 hides `<!DOCTYPE` from a byte check that looks for ASCII; the body is refused as not UTF-8.
    @Test func aUTF16BodyIsRefused() {
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE xml [<!ENTITY a \"b\">]><xml><c>&a;</c></xml>"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in xml.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(throws: WeChatXML.ParseError.malformed("body is not UTF-8")) { try WeChatXML.parse(Data(bytes)) }
        var withoutBOM: [UInt8] = []
        for unit in "<xml><c>1</c></xml>".utf16 { withoutBOM += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(throws: WeChatXML.ParseError.malformed("body is not UTF-8")) { try WeChatXML.parse(Data(withoutBOM)) }
    }

    @Test func anotherDeclaredEncodingIsRefused() throws {
        let xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><xml><c>1</c></xml>"
        #expect(throws: WeChatXML.ParseError.malformed("encoding ISO-8859-1 is not UTF-8")) {
            try WeChatXML.parse(xml)
        }
        #expect(try WeChatXML.parse("<?xml version='1.0' encoding='utf-8'?><xml><c>1</c></xml>") == ["c": "1"])
    }

    /// `<!` outside CDATA is refused wherever it stands, not only before the root element.
    @Test(arguments: [
        "<!-- c --><xml><c>1</c></xml>", "<xml><!-- c --><c>1</c></xml>", "<xml><c>1<!-- c --></c></xml>",
        "<xml><c><![CDATA[ok]]></c><!DOCTYPE x></xml>", "<xml><c><![CDATA[<!x>]]><!ENTITY a \"b\"></c></xml>",
    ])
    func aDeclarationOutsideCDATAIsRefused(_ xml: String) {
        #expect(throws: WeChatXML.ParseError.declarationNotAllowed) { try WeChatXML.parse(xml) }
    }

    @Test func cdataMayHoldAnything() throws {
        let xml = "<xml><a><![CDATA[<!-- x --> <!DOCTYPE y>]]></a><b><![CDATA[]]><![CDATA[<!]]></b></xml>"
        #expect(try WeChatXML.parse(xml) == ["a": "<!-- x --> <!DOCTYPE y>", "b": "<!"])
    }

    /// A forged encrypted push is refused for its signature, whatever its envelope holds: the
    /// envelope's XML is never parsed before the signature over `<Encrypt>` is checked.
    @Test func anEncryptedPushIsCheckedBeforeItsEnvelopeIsParsed() throws {
        let endpoint = try OfficialAccountEndpoint(
            config: .init(tokens: ["t"], encodingAESKey: Self.key, appID: "wx1", requireEncryption: true))
        let now: Int64 = 1_700_000_000
        let body = Data(
            "<!DOCTYPE xml [<!ENTITY a SYSTEM \"file:///etc/passwd\">]><xml><ToUserName>&a;</ToUserName><Encrypt>QUJD</Encrypt></xml>"
                .utf8)
        let result = endpoint.message(
            query: ["encrypt_type": "aes", "msg_signature": "0000", "timestamp": "\(now)", "nonce": "n"], body: body,
            now: now)
        #expect(throws: WeChatRequestError.badSignature) { try result.get() }

        let wecom = try WeComAppEndpoint(config: .init(token: "t", encodingAESKey: Self.key, corpID: "ww1"))
        let forged = wecom.message(
            query: ["msg_signature": "0000", "timestamp": "\(now)", "nonce": "n"], body: body, now: now)
        #expect(throws: WeChatRequestError.badSignature) { try forged.get() }
    }

    /// A signed envelope still decrypts when `<Encrypt>` is bare or in CDATA; the decrypted document
    /// gets the full check.
    @Test func aSignedEnvelopeIsReadWithoutAParser() throws {
        let crypto = try WeChatCrypto(token: "t", encodingAESKey: Self.key, receiveID: "ww1")
        let endpoint = try WeComAppEndpoint(config: .init(token: "t", encodingAESKey: Self.key, corpID: "ww1"))
        let now: Int64 = 1_700_000_000
        let message =
            "<xml><ToUserName>ww1</ToUserName><FromUserName>u1</FromUserName><CreateTime>1</CreateTime>"
            + "<MsgType>text</MsgType><Content>井盖坏了</Content><MsgId>9</MsgId><AgentID>1</AgentID></xml>"
        for wrap in [{ (e: String) in e }, { (e: String) in "<![CDATA[\(e)]]>" }] {
            let encrypted = try crypto.encrypt(message)
            let signature = crypto.signature(timestamp: "\(now)", nonce: "n", encrypted: encrypted)
            let body = Data("<xml><ToUserName>ww1</ToUserName><Encrypt>\(wrap(encrypted))</Encrypt></xml>".utf8)
            let decoded = try endpoint.message(
                query: ["msg_signature": signature, "timestamp": "\(now)", "nonce": "n"], body: body, now: now
            ).get()
            #expect(decoded.fromUser == "u1")
        }
        let hostile = try crypto.encrypt("<xml><!-- x --><MsgType>text</MsgType></xml>")
        let signature = crypto.signature(timestamp: "\(now)", nonce: "n", encrypted: hostile)
        let refused = endpoint.message(
            query: ["msg_signature": signature, "timestamp": "\(now)", "nonce": "n"],
            body: Data("<xml><Encrypt>\(hostile)</Encrypt></xml>".utf8), now: now)
        guard case .failure(.invalidMessage) = refused else {
            Issue.record("a declaration inside the signed message was accepted: \(refused)")
            return
        }
    }
}
