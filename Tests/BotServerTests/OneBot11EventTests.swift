import Foundation
import Testing

@testable import BotServer

/// OneBot 11 reports beyond the vectors: other post types, private chats, odd but legal spellings.
@Suite struct OneBot11EventTests {
    /// A group message body with only what the case is about changed.
    fileprivate func body(
        message: String = #"[{"type":"text","data":{"text":"井盖坏了"}}]"#, messageType: String = "group",
        postType: String = "message", extra: String = ""
    ) -> String {
        #"{"time":1718092800,"self_id":10001,"post_type":"\#(postType)","message_type":"\#(messageType)","sub_type":"normal","message_id":-7,"group_id":20002,"user_id":30003,"message":\#(message),"sender":{"user_id":30003,"nickname":"阿强","card":""}\#(extra)}"#
    }

    fileprivate func decode(_ json: String) throws -> OneBot11Event {
        try JSONDecoder().decode(OneBot11Event.self, from: Data(json.utf8))
    }

    fileprivate func outcome(_ json: String) throws -> OneBotEventOutcome {
        try decode(json).outcome(channel: "qq")
    }

    /// Heartbeats, lifecycle, notices and requests decode and are ignored, not errors.
    @Test(arguments: [
        (
            #"{"time":1,"self_id":1,"post_type":"meta_event","meta_event_type":"heartbeat","status":{"online":true},"interval":5000}"#,
            "meta_event", "heartbeat"
        ),
        (
            #"{"time":1,"self_id":1,"post_type":"meta_event","meta_event_type":"lifecycle","sub_type":"connect"}"#,
            "meta_event", "lifecycle"
        ),
        (
            #"{"time":1,"self_id":1,"post_type":"notice","notice_type":"group_recall","group_id":2,"user_id":3,"operator_id":3,"message_id":"x"}"#,
            "notice", "group_recall"
        ),
        (
            #"{"time":1,"self_id":1,"post_type":"request","request_type":"friend","user_id":3,"comment":"hi","flag":"f"}"#,
            "request", "friend"
        ),
    ])
    func nonMessagePostsAreIgnored(json: String, type: String, detail: String) throws {
        let event = try decode(json)
        #expect(event.outcome(channel: "qq") == .ignored(.notAMessage(type: type, detail: detail)))
        #expect(event.inbound(channel: "qq") == nil)
    }

    /// A one-to-one chat is addressed as `private:<user_id>`, which the sender turns into send_private_msg.
    @Test func privateMessageChatID() throws {
        let inbound = try #require(try outcome(body(messageType: "private")).inbound)
        #expect(inbound.message.groupID == "private:30003")
        #expect(OneBotChatID(inbound.message.groupID) == .privateUser("30003"))
    }

    /// Guild and other message types have no group to answer in.
    @Test func unknownMessageTypeIsIgnored() throws {
        #expect(try outcome(body(messageType: "guild")) == .ignored(.unsupportedChat("guild")))
    }

    /// The bot's own messages (go-cqhttp `message_sent`, or user_id == self_id) would loop.
    @Test func ownMessagesAreIgnored() throws {
        #expect(try outcome(body(postType: "message_sent")) == .ignored(.ownMessage))
        let own = body().replacingOccurrences(of: #""user_id":30003,"message""#, with: #""user_id":10001,"message""#)
        #expect(try outcome(own) == .ignored(.ownMessage))
    }

    /// Stickers and faces alone carry nothing for the board; an @bot alone neither.
    @Test func noContentIsIgnored() throws {
        #expect(try outcome(body(message: #"[{"type":"face","data":{"id":"14"}}]"#)) == .ignored(.noContent))
        #expect(try outcome(body(message: #""[CQ:at,qq=10001]  ""#)) == .ignored(.noContent))
    }

    /// A negative int32 message id (go-cqhttp) still forms a unique composite id.
    @Test func compositeMessageID() throws {
        let inbound = try #require(try outcome(body()).inbound)
        #expect(inbound.message.messageID == "10001--7-1718092800")
    }

    /// Ids beyond 2^53 stay exact: they are never routed through Double.
    @Test func int64IdsStayExact() throws {
        let json = body().replacingOccurrences(of: #""group_id":20002"#, with: #""group_id":9007199254740993"#)
        let event = try decode(json)
        #expect(event.groupID == 9_007_199_254_740_993)
        #expect(event.inbound(channel: "qq")?.groupID == "9007199254740993")
    }

    /// Numeric ids sent as strings are read too.
    @Test func stringIdsAreAccepted() throws {
        let json = body().replacingOccurrences(of: #""group_id":20002"#, with: #""group_id":"20002""#)
        #expect(try decode(json).groupID == 20002)
    }

    /// A group message without group_id cannot be answered: a decoding error, so the handler answers 400.
    @Test func groupMessageWithoutGroupIDIsMalformed() {
        let json = body().replacingOccurrences(of: #""group_id":20002,"#, with: "")
        #expect(throws: DecodingError.self) { try decode(json) }
    }

    /// An empty group card falls back to the nickname.
    @Test func emptyCardFallsBackToNickname() throws {
        #expect(try outcome(body()).inbound?.message.senderName == "阿强")
    }

    /// Anonymous members share one user_id; the anonymous id and name identify them.
    @Test func anonymousSender() throws {
        let json = body(extra: #","anonymous":{"id":555,"name":"匿名者","flag":"f"}"#)
            .replacingOccurrences(of: #""sub_type":"normal""#, with: #""sub_type":"anonymous""#)
        let message = try #require(try outcome(json).inbound?.message)
        #expect(message.senderID == "anonymous:555")
        #expect(message.senderName == "匿名者")
    }

    /// Segments: @all, a quoted message, an image with only `file`, numbers where strings are specified.
    @Test func segmentVariants() throws {
        let message = #"""
            [{"type":"reply","data":{"id":-42}},{"type":"at","data":{"qq":"all"}},{"type":"at","data":{"qq":777}},
             {"type":"image","data":{"file":"abc.image"}},{"type":"image","data":{"file":"https://h/x.jpg"}},
             {"type":"text","data":{"text":"  看这里\n"}},{"type":"record","data":{"file":"v.amr"}}]
            """#
        let inbound = try #require(try outcome(body(message: message)).inbound)
        #expect(inbound.replyToMessageID == "-42")
        #expect(inbound.mentionsEveryone)
        #expect(inbound.mentionedIDs == ["777"])
        #expect(!inbound.mentionsSelf)
        #expect(inbound.imageFileIDs == ["abc.image"])
        #expect(inbound.message.imageURLs == ["https://h/x.jpg"])
        #expect(inbound.message.text == "看这里")
    }

    /// A single segment object is a valid message too.
    @Test func singleSegmentMessage() throws {
        let inbound = try #require(try outcome(body(message: #"{"type":"text","data":{"text":"报到 张三"}}"#)).inbound)
        #expect(inbound.message.text == "报到 张三")
    }

    /// When `message` is missing, `raw_message` (always CQ text) is used.
    @Test func rawMessageFallback() throws {
        let json = body().replacingOccurrences(
            of: #""message":[{"type":"text","data":{"text":"井盖坏了"}}]"#, with: #""raw_message":"井盖&#91;急&#93;""#)
        #expect(try outcome(json).inbound?.message.text == "井盖[急]")
    }

    /// A location without a title uses its content as the label; bad coordinates drop the location.
    @Test func locationLabelAndBadCoordinates() throws {
        let good = #"[{"type":"location","data":{"lat":"22.5","lon":"114.1","title":"","content":"龙西社区"}}]"#
        #expect(
            try outcome(body(message: good)).inbound?.message.location
                == SharedLocation(lat: 22.5, lon: 114.1, label: "龙西社区"))
        for lat in ["north", "nan", "95", "0"] {
            let lon = lat == "0" ? "0" : "114.1"
            let bad = #"[{"type":"location","data":{"lat":"\#(lat)","lon":"\#(lon)"}}]"#
            #expect(try outcome(body(message: bad)) == .ignored(.noContent))
        }
    }
}
