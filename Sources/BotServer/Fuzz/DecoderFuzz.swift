import Foundation
import IntentParser
import MessageFuzz

/// Feeds generated bodies to every webhook decoder the way a request would: the generic JSON body,
/// OneBot 11 and 12 events, OneBot 11 CQ-code strings, WeChat XML, AES envelopes, and whole signed
/// WeCom app pushes through the endpoint (signature, decryption, inner XML). Each call
/// must return or throw, never trap; the outcome counts say the inputs reached past the first check.
struct DecoderFuzz: Sendable {
    /// Which decoder an input went to and whether it produced a message.
    struct Tally: Sendable, Equatable {
        var inputs = 0
        var accepted = 0
    }

    let messages: MessageGenerator
    private let crypto: WeChatCrypto?
    private let wecom: WeComAppEndpoint?
    private static let key = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"

    init(messages: MessageGenerator) {
        self.messages = messages
        crypto = try? WeChatCrypto(token: "fuzz", encodingAESKey: Self.key, receiveID: "wxfuzz")
        wecom = try? WeComAppEndpoint(config: .init(token: "fuzz", encodingAESKey: Self.key, corpID: "wxfuzz"))
    }

    static let decoders = ["generic", "onebot11", "onebot12", "cqcode", "wechat_xml", "wechat_aes", "wecom"]

    /// Runs input `index` through decoder `name`; true when it decoded into something usable.
    func run(_ name: String, index: Int) -> Bool {
        let text = messages.message(at: index)
        var rng = SplitMix64(seed: messages.seed &+ UInt64(truncatingIfNeeded: index))
        switch name {
        case "generic":
            let body = mutate(genericBody(text, &rng), &rng)
            return (try? JSONDecoder().decode(GenericWebhookMessage.self, from: body).inbound(channel: "generic"))
                != nil
        case "onebot11":
            let body = mutate(oneBot11Body(text, &rng), &rng)
            guard let event = try? JSONDecoder().decode(OneBot11Event.self, from: body) else { return false }
            _ = event.outcome(channel: "ob11")
            return true
        case "onebot12":
            let body = mutate(oneBot12Body(text, &rng), &rng)
            guard let event = try? JSONDecoder().decode(OneBot12Event.self, from: body) else { return false }
            _ = event.outcome(channel: "ob12")
            return true
        case "cqcode":
            return !OneBot11CQCode.parse(cqString(text, &rng)).isEmpty
        case "wechat_xml":
            let body = mutate(Data(weChatXML(text, &rng).utf8), &rng)
            guard let fields = try? WeChatXML.parse(body), let message = try? WeChatMessage(fields: fields) else {
                return false
            }
            return message.inbound(channel: "oa1") != nil
        case "wechat_aes":
            guard let crypto else { return false }
            return (try? crypto.open(aesEnvelope(text, &rng))) != nil
        case "wecom":
            guard let crypto, let wecom else { return false }
            return (try? weComPush(text, crypto: crypto, endpoint: wecom, &rng).get()) != nil
        default:
            return false
        }
    }

    // MARK: - bodies

    private func json(_ object: Any) -> Data {
        (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
    }

    private func genericBody(_ text: String, _ rng: inout SplitMix64) -> Data {
        var attachments: [[String: Any]] = []
        for _ in 0..<Int.random(in: 0...3, using: &rng) {
            attachments.append(
                Bool.random(using: &rng)
                    ? ["type": "image", "url": "http://example.com/" + String(text.prefix(8))]
                    : [
                        "type": "location", "lat": Double.random(in: -100...100, using: &rng),
                        "lon": Double.random(in: -200...200, using: &rng), "label": String(text.suffix(5)),
                    ])
        }
        return json(
            [
                "message_id": Bool.random(using: &rng)
                    ? String(text.prefix(12)) as Any : Int.random(in: -5...Int.max, using: &rng),
                "group_id": "riders-1", "sender": ["id": String(text.suffix(6)), "name": text.prefix(4)],
                "text": text, "attachments": attachments,
            ] as [String: Any])
    }

    private func oneBot11Body(_ text: String, _ rng: inout SplitMix64) -> Data {
        let message: Any =
            Bool.random(using: &rng)
            ? cqString(text, &rng)
            : [
                ["type": "text", "data": ["text": text]], ["type": "reply", "data": ["id": text.prefix(3)]],
                ["type": "image", "data": ["url": text, "file": text]], ["type": "at", "data": ["qq": text]],
                ["type": "location", "data": ["lat": text, "lon": "1", "title": text]],
            ]
        return json(
            [
                "post_type": "message", "message_type": Bool.random(using: &rng) ? "group" : "private",
                "time": 1_700_000_000,
                "self_id": 1, "message_id": Int.random(in: Int.min...Int.max, using: &rng), "group_id": 880001,
                "user_id": Int.random(in: 0...1_000_000, using: &rng), "message": message, "raw_message": text,
                "sender": ["nickname": text, "card": text.prefix(3)],
            ] as [String: Any])
    }

    private func oneBot12Body(_ text: String, _ rng: inout SplitMix64) -> Data {
        json(
            [
                "id": text.prefix(5), "time": Double.random(in: -1e12...1e12, using: &rng), "type": "message",
                "detail_type": Bool.random(using: &rng) ? "group" : "private", "sub_type": "",
                "self": ["platform": "wechat", "user_id": text.prefix(4)], "message_id": text.prefix(9),
                "group_id": "g1", "user_id": text.suffix(3), "alt_message": text,
                "message": [
                    ["type": "text", "data": ["text": text]], ["type": "mention", "data": ["user_id": text]],
                    ["type": "image", "data": ["file_id": text]], ["type": "reply", "data": ["message_id": text]],
                    ["type": "location", "data": ["latitude": 1.5, "longitude": text, "title": text]],
                ],
            ] as [String: Any])
    }

    private func cqString(_ text: String, _ rng: inout SplitMix64) -> String {
        let codes = [
            "[CQ:at,qq=", "[CQ:image,file=", "[CQ:reply,id=", "[CQ:location,lat=", "[CQ:", "&#91;", "&amp;", "]", ",",
        ]
        var out = ""
        for scalar in text.unicodeScalars {
            if Int.random(in: 0..<6, using: &rng) == 0 { out += codes.randomElement(using: &rng)! }
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    private func weChatXML(_ text: String, _ rng: inout SplitMix64) -> String {
        let type = ["text", "image", "location", "voice", "event", "link", text].randomElement(using: &rng)!
        return WeChatXML.build([
            ("ToUserName", .text("gh_1")), ("FromUserName", .text(String(text.prefix(10)))),
            ("CreateTime", .numberOrText(String(text.prefix(3)))), ("MsgType", .text(type)),
            ("Content", .text(text)), ("MsgId", .numberOrText(String(text.suffix(20)))),
            ("PicUrl", .text(text)), ("Location_X", .numberOrText(String(text.prefix(4)))),
            ("Location_Y", .text("120.1")), ("Recognition", .text(text)), ("Event", .text(text)),
        ])
    }

    /// A WeCom push signed with the endpoint's token around a generated message; now and then the
    /// envelope, the ciphertext or the signature is broken so each check is reached.
    private func weComPush(
        _ text: String, crypto: WeChatCrypto, endpoint: WeComAppEndpoint, _ rng: inout SplitMix64
    ) -> Result<WeChatMessage, WeChatRequestError> {
        let now: Int64 = 1_700_000_000
        let nonce = String(Int.random(in: 0...999_999, using: &rng))
        var encrypted = (try? crypto.encrypt(weChatXML(text, &rng))) ?? ""
        if Int.random(in: 0..<8, using: &rng) == 0 { encrypted = aesEnvelope(text, &rng) }
        let signature =
            Int.random(in: 0..<16, using: &rng) == 0
            ? String(text.prefix(40)) : crypto.signature(timestamp: "\(now)", nonce: nonce, encrypted: encrypted)
        let envelope = Bool.random(using: &rng) ? "<![CDATA[\(encrypted)]]>" : encrypted
        let body = mutate(
            Data("<xml><ToUserName>\(text.prefix(6))</ToUserName><Encrypt>\(envelope)</Encrypt></xml>".utf8), &rng)
        return endpoint.message(
            query: ["msg_signature": signature, "timestamp": "\(now)", "nonce": nonce], body: body, now: now)
    }

    private func aesEnvelope(_ text: String, _ rng: inout SplitMix64) -> String {
        var bytes = [UInt8](text.utf8)
        let padded = (bytes.count / 16 + Int.random(in: 0...2, using: &rng)) * 16
        while bytes.count < padded { bytes.append(UInt8.random(in: 0...255, using: &rng)) }
        return Data(bytes).base64EncodedString()
    }

    /// Flips, drops or repeats a few bytes so decoders also see broken syntax.
    private func mutate(_ data: Data, _ rng: inout SplitMix64) -> Data {
        guard !data.isEmpty, Int.random(in: 0..<3, using: &rng) == 0 else { return data }
        var bytes = [UInt8](data)
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            let at = Int.random(in: 0..<bytes.count, using: &rng)
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: bytes[at] = UInt8.random(in: 0...255, using: &rng)
            case 1: if bytes.count > 1 { bytes.remove(at: at) }
            default: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + 8)], at: at)
            }
        }
        return Data(bytes)
    }
}
