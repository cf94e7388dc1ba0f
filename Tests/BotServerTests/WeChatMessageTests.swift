import Foundation
import Testing

@testable import BotServer

@Suite struct WeChatMessageTests {
    func message(_ type: String, _ extra: [String: String] = [:], msgID: String? = "245849301827364501") throws
        -> WeChatMessage
    {
        var fields = ["ToUserName": "gh_1", "FromUserName": "oUser", "CreateTime": "1718092860", "MsgType": type]
        fields["MsgId"] = msgID
        return try WeChatMessage(fields: fields.merging(extra) { $1 })
    }

    /// MsgId is beyond 2^53; it must come out exactly as sent, up to the largest 64-bit values.
    @Test(arguments: ["9223372036854775807", "9223372036854775806", "18446744073709551615", "9007199254740993"])
    func msgIDStaysExact(_ id: String) throws {
        let parsed = try message("text", ["Content": "x"], msgID: id)
        #expect(parsed.msgID == id)
        #expect(parsed.inbound(channel: "oa")?.messageID == id)
    }

    @Test func refusesMissingOrInvalidRequiredFields() throws {
        let base = ["ToUserName": "gh_1", "FromUserName": "u", "CreateTime": "1", "MsgType": "text"]
        for name in base.keys {
            var fields = base
            fields[name] = nil
            #expect(throws: WeChatMessage.FieldError.missing(name)) { try WeChatMessage(fields: fields) }
        }
        #expect(throws: WeChatMessage.FieldError.invalid("CreateTime")) {
            try WeChatMessage(fields: base.merging(["CreateTime": "1.5e9"]) { $1 })
        }
        #expect(throws: WeChatMessage.FieldError.invalid("MsgId")) {
            try WeChatMessage(fields: base.merging(["MsgId": "2.4e17"]) { $1 })
        }
        #expect(throws: WeChatMessage.FieldError.invalid("Location_X")) {
            try WeChatMessage(
                fields: base.merging(["MsgType": "location", "Location_X": "north", "Location_Y": "1"]) { $1 })
        }
        #expect(throws: WeChatMessage.FieldError.missing("Event")) {
            try WeChatMessage(fields: base.merging(["MsgType": "event"]) { $1 })
        }
    }

    @Test func textBecomesAnInboundMessageFromTheUser() throws {
        let inbound = try #require(try message("text", ["Content": "龙西小区12栋窨井盖破损"]).inbound(channel: "oa"))
        #expect(
            inbound
                == InboundMessage(
                    channel: "oa", messageID: "245849301827364501", groupID: "oUser", senderID: "oUser",
                    senderName: nil,
                    text: "龙西小区12栋窨井盖破损", imageURLs: [], location: nil, timestamp: 1_718_092_860))
    }

    @Test func voiceUsesTheTranscriptOrIsSkipped() throws {
        #expect(
            try message("voice", ["MediaId": "m", "Recognition": "认领 #12"]).inbound(channel: "oa")?.text == "认领 #12")
        #expect(try message("voice", ["MediaId": "m"]).inbound(channel: "oa") == nil)
        #expect(try message("voice", ["MediaId": "m", "Recognition": ""]).inbound(channel: "oa") == nil)
    }

    @Test func imageCarriesItsURL() throws {
        let inbound = try #require(
            try message("image", ["PicUrl": "http://mmbiz.qpic.cn/a/0", "MediaId": "m"]).inbound(channel: "oa"))
        #expect(inbound.imageURLs == ["http://mmbiz.qpic.cn/a/0"])
        #expect(inbound.text == "")
    }

    /// Location_X is the latitude, Location_Y the longitude.
    @Test func locationMapsXToLatitude() throws {
        let parsed = try message(
            "location", ["Location_X": "22.721586", "Location_Y": "114.245918", "Scale": "15", "Label": "龙西小区12栋"])
        #expect(parsed.location == .init(latitude: 22.721586, longitude: 114.245918, scale: 15, label: "龙西小区12栋"))
        let inbound = try #require(parsed.inbound(channel: "oa"))
        #expect(inbound.location == SharedLocation(lat: 22.721586, lon: 114.245918, label: "龙西小区12栋"))
    }

    /// Events have no MsgId: they de-duplicate on sender and time, and the bot does not act on them.
    @Test func subscribeIsFlaggedAndNotPassedOn() throws {
        let follow = try message("event", ["Event": "subscribe", "EventKey": ""], msgID: nil)
        #expect(follow.isSubscribe)
        #expect(follow.deduplicationKey == "oUser-1718092860")
        #expect(follow.inbound(channel: "oa") == nil)
        let click = try message("event", ["Event": "CLICK", "EventKey": "menu"], msgID: nil)
        #expect(!click.isSubscribe)
        #expect(click.eventKey == "menu")
        #expect(click.inbound(channel: "oa") == nil)
    }

    @Test func typesTheBotCannotReadAreSkipped() throws {
        for type in ["video", "shortvideo", "link", "miniprogrampage"] {
            #expect(try message(type, ["MediaId": "m", "Title": "t", "Url": "u"]).inbound(channel: "oa") == nil)
        }
        #expect(try message("text", ["Content": "  \n"]).inbound(channel: "oa") == nil)
        #expect(try message("shortvideo").type == .shortVideo)
        #expect(try message("miniprogrampage").type == .other("miniprogrampage"))
    }

    @Test func weComAgentIDIsTyped() throws {
        let parsed = try message("text", ["Content": "x", "AgentID": "1000002"])
        #expect(parsed.agentID == 1_000_002)
        #expect(parsed.textReply("好", now: 5).hasSuffix("<AgentID>1000002</AgentID></xml>"))
    }

    /// Reply text containing `]]>` survives into the reply unchanged and cannot add elements.
    @Test func replyTextWithCDATATerminatorIsSafe() throws {
        let incoming = try message("text", ["Content": "x"])
        let text = "收到]]><MsgType>image</MsgType>"
        let reply = try WeChatXML.parse(incoming.textReply(text, now: 1_718_092_862))
        #expect(
            reply == [
                "ToUserName": "oUser", "FromUserName": "gh_1", "CreateTime": "1718092862", "MsgType": "text",
                "Content": text,
            ])
    }
}
