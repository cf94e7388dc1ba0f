import Foundation
import Testing

@testable import BotServer

/// OneBot 12 events beyond the vectors: meta events, private chats, extension fields.
@Suite struct OneBot12EventTests {
    /// A group message event with only what the case is about changed.
    fileprivate func body(
        message: String = #"[{"type":"text","data":{"text":"井盖坏了"}}]"#, detailType: String = "group",
        userID: String = "wxid_rider", extra: String = ""
    ) -> String {
        #"{"id":"e-1","time":1718092800,"type":"message","detail_type":"\#(detailType)","sub_type":"","self":{"platform":"wechat","user_id":"wxid_bot"},"message_id":"m-1","message":\#(message),"alt_message":"","group_id":"1@chatroom","user_id":"\#(userID)"\#(extra)}"#
    }

    fileprivate func outcome(_ json: String) throws -> OneBotEventOutcome {
        try JSONDecoder().decode(OneBot12Event.self, from: Data(json.utf8)).outcome(channel: "wechat")
    }

    /// Meta events arrive without `self` and are ignored (the handler answers 204); notices too.
    @Test(arguments: [
        (
            #"{"id":"1","time":1.5,"type":"meta","detail_type":"connect","sub_type":"","version":{"impl":"ComWechat","version":"0.0.8","onebot_version":"12"}}"#,
            "meta", "connect"
        ),
        (
            #"{"id":"2","time":2,"type":"meta","detail_type":"heartbeat","sub_type":"","interval":5000}"#, "meta",
            "heartbeat"
        ),
        (
            #"{"id":"3","time":3,"type":"notice","detail_type":"group_member_increase","sub_type":"join","self":{"platform":"wechat","user_id":"b"},"group_id":"g","user_id":"u","operator_id":"o"}"#,
            "notice", "group_member_increase"
        ),
    ])
    func nonMessageEventsAreIgnored(json: String, type: String, detail: String) throws {
        #expect(try outcome(json) == .ignored(.notAMessage(type: type, detail: detail)))
    }

    @Test func privateMessageChatID() throws {
        let json = body(detailType: "private").replacingOccurrences(of: #""group_id":"1@chatroom","#, with: "")
        #expect(try outcome(json).inbound?.message.groupID == "private:wxid_rider")
    }

    @Test func channelMessagesAreIgnored() throws {
        #expect(try outcome(body(detailType: "channel")) == .ignored(.unsupportedChat("channel")))
    }

    /// Bridges echo the bot's own messages; answering would loop.
    @Test func ownMessageIsIgnored() throws {
        #expect(try outcome(body(userID: "wxid_bot")) == .ignored(.ownMessage))
    }

    @Test func groupMessageWithoutGroupIDIsMalformed() {
        let json = body().replacingOccurrences(of: #""group_id":"1@chatroom","#, with: "")
        #expect(throws: DecodingError.self) { try outcome(json) }
    }

    /// A plain-string message is accepted as text.
    @Test func stringMessage() throws {
        #expect(try outcome(body(message: #""报到 张三""#)).inbound?.message.text == "报到 张三")
    }

    /// `mention_all`, a mention of someone else, an extension segment and a voice carry no text.
    @Test func segmentVariants() throws {
        let message = #"""
            [{"type":"mention_all","data":{}},{"type":"mention","data":{"user_id":"wxid_x"}},
             {"type":"wx.emoji","data":{"file_id":"e"}},{"type":"text","data":{"text":" 大家注意 "}},{"type":"voice","data":{"file_id":"v"}}]
            """#
        let inbound = try #require(try outcome(body(message: message)).inbound)
        #expect(inbound.mentionsEveryone)
        #expect(inbound.mentionedIDs == ["wxid_x"])
        #expect(!inbound.mentionsSelf)
        #expect(inbound.message.text == "大家注意")
        #expect(try outcome(body(message: #"[{"type":"voice","data":{"file_id":"v"}}]"#)) == .ignored(.noContent))
    }

    /// A `<prefix>.nickname` extension field names the sender; other extension fields are ignored.
    @Test func nicknameExtensionField() throws {
        let json = body(extra: #","wx.nickname":"阿强","wx.avatar":{"url":"x"}"#)
        #expect(try outcome(json).inbound?.message.senderName == "阿强")
        #expect(try outcome(body()).inbound?.message.senderName == nil)
    }

    /// Coordinates written as strings (a sloppy bridge) still make a location.
    @Test func stringCoordinates() throws {
        let message = #"[{"type":"location","data":{"latitude":"22.5","longitude":"114.1","title":"","content":"龙西"}}]"#
        #expect(
            try outcome(body(message: message)).inbound?.message.location
                == SharedLocation(lat: 22.5, lon: 114.1, label: "龙西"))
    }

    /// An empty message_id falls back to the event id.
    @Test func emptyMessageIDFallsBackToEventID() throws {
        let json = body().replacingOccurrences(of: #""message_id":"m-1""#, with: #""message_id":"""#)
        #expect(try outcome(json).inbound?.message.messageID == "e-1")
    }
}

/// The v12 webhook's token and version check.
@Suite struct OneBot12AuthTests {
    let auth = OneBot12Auth(accessTokens: ["old", "new"])

    @Test func headerTokenRotation() {
        #expect(auth.refusal(authorization: "Bearer old", accessTokenQuery: nil, oneBotVersion: "12") == nil)
        #expect(auth.refusal(authorization: "Bearer new", accessTokenQuery: nil, oneBotVersion: "12") == nil)
        #expect(auth.refusal(authorization: "bearer new", accessTokenQuery: nil, oneBotVersion: "12") == nil)
        #expect(auth.refusal(authorization: "Bearer newer", accessTokenQuery: nil, oneBotVersion: "12") == .wrongToken)
    }

    /// The token is taken exactly: no trimming, no other scheme.
    @Test func tokenIsExact() {
        #expect(auth.refusal(authorization: "Bearer new ", accessTokenQuery: nil, oneBotVersion: "12") == .wrongToken)
        #expect(auth.refusal(authorization: "Bearer  new", accessTokenQuery: nil, oneBotVersion: "12") == .wrongToken)
        #expect(auth.refusal(authorization: "Basic bmV3", accessTokenQuery: nil, oneBotVersion: "12") == .wrongToken)
        #expect(auth.refusal(authorization: "Bearer ", accessTokenQuery: nil, oneBotVersion: "12") == .missingToken)
    }

    /// The query parameter stands in when there is no header; the header wins when both are sent.
    @Test func queryParameter() {
        #expect(auth.refusal(authorization: nil, accessTokenQuery: "old", oneBotVersion: "12") == nil)
        #expect(auth.refusal(authorization: nil, accessTokenQuery: "x", oneBotVersion: "12") == .wrongToken)
        #expect(auth.refusal(authorization: "Bearer x", accessTokenQuery: "old", oneBotVersion: "12") == .wrongToken)
        #expect(auth.refusal(authorization: nil, accessTokenQuery: nil, oneBotVersion: "12") == .missingToken)
        #expect(OneBot12AuthFailure.missingToken.httpStatus == 401)
    }

    /// Only v12 bodies decode as v12 events; the version is checked after the token.
    @Test func versionHeader() {
        #expect(
            auth.refusal(authorization: "Bearer old", accessTokenQuery: nil, oneBotVersion: "11") == .wrongVersion("11")
        )
        #expect(
            auth.refusal(authorization: "Bearer old", accessTokenQuery: nil, oneBotVersion: nil) == .wrongVersion(nil))
        #expect(auth.refusal(authorization: "Bearer bad", accessTokenQuery: nil, oneBotVersion: "11") == .wrongToken)
        #expect(OneBot12AuthFailure.wrongVersion("11").httpStatus == 400)
    }

    /// No token configured: anyone may post, but the version still matters.
    @Test func disabledTokenCheck() {
        let open = OneBot12Auth(accessTokens: [""])
        #expect(!open.isEnabled)
        #expect(open.refusal(authorization: nil, accessTokenQuery: nil, oneBotVersion: "12") == nil)
        #expect(open.refusal(authorization: "Bearer anything", accessTokenQuery: nil, oneBotVersion: "12") == nil)
    }
}
