import Foundation
import Testing

@testable import BotServer

/// The outbound request builders, compared as JSON values.
@Suite struct OneBotRequestTests {
    fileprivate func reply(_ chatID: String, _ text: String, mentions: [String] = []) -> OutboundReply {
        OutboundReply(channel: "c", groupID: chatID, text: text, mentions: mentions, inReplyTo: nil)
    }

    fileprivate func json(_ string: String) throws -> JSONValue {
        try oneBotJSON(Data(string.utf8))
    }

    /// Private chats use send_private_msg with user_id, and carry no @.
    @Test func v11PrivateMessage() throws {
        let request = try OneBot11SendMessage(reply: reply("private:30003", "你好", mentions: ["30003"]))
        #expect(request.action == "send_private_msg")
        #expect(
            try oneBotJSON(request.jsonBody())
                == json(#"{"user_id":30003,"message":[{"type":"text","data":{"text":"你好"}}],"auto_escape":false}"#))
    }

    /// Several mentions, each once, then one space and the text; a text that already starts with a space keeps it.
    @Test func v11MentionsAndSpacing() throws {
        let request = try OneBot11SendMessage(reply: reply("42", "收到", mentions: ["1", "2", "1"]))
        #expect(request.body.message == [.at("1"), .at("2"), .text(" 收到")])
        #expect(
            try OneBot11SendMessage(reply: reply("42", " 收到", mentions: ["1"])).body.message == [
                .at("1"), .text(" 收到"),
            ])
        #expect(try OneBot11SendMessage(reply: reply("42", "收到")).body.message == [.text("收到")])
    }

    /// Text is sent verbatim: with segment arrays and auto_escape false, `[CQ:` in a reply is just text.
    @Test func v11TextIsNotInterpretedAsCQCode() throws {
        let body = try oneBotJSON(OneBot11SendMessage(reply: reply("42", "[CQ:at,qq=all] & [x]")).jsonBody())
        #expect(body["message"]?.array?.first?["data"]?["text"]?.string == "[CQ:at,qq=all] & [x]")
        #expect(body["auto_escape"] == .bool(false))
    }

    /// v11 ids are numbers; a non-numeric chat id is refused before sending.
    @Test func v11NonNumericIDIsRefused() {
        #expect(throws: OneBotRequestError.nonNumericID("riders-1")) {
            try OneBot11SendMessage(reply: reply("riders-1", "x"))
        }
        #expect(throws: OneBotRequestError.nonNumericID("private:wxid")) {
            try OneBot11SendMessage(reply: reply("private:wxid", "x"))
        }
    }

    /// at_sender is written out as false: the spec's default true would add a second @.
    @Test func v11QuickOperationSetsAtSender() throws {
        let encoded = try oneBotJSON(JSONEncoder().encode(OneBot11QuickOperation(text: "好", mentions: ["9"])))
        let expected = try json(
            #"{"reply":[{"type":"at","data":{"qq":"9"}},{"type":"text","data":{"text":" 好"}}],"at_sender":false}"#)
        #expect(encoded == expected)
    }

    @Test func v12PrivateMessage() throws {
        let action = OneBot12Action.sendMessage(reply: reply("private:wxid_a", "你好", mentions: ["wxid_a"]), echo: nil)
        #expect(
            try oneBotJSON(action.jsonBody())
                == json(
                    #"{"action":"send_message","params":{"detail_type":"private","user_id":"wxid_a","message":[{"type":"text","data":{"text":"你好"}}]}}"#
                ))
    }

    @Test func v12GetFile() throws {
        let action = OneBot12Action.getFile(fileID: "f-1", echo: "fc-1")
        #expect(
            try oneBotJSON(action.jsonBody())
                == json(#"{"action":"get_file","params":{"file_id":"f-1","type":"url"},"echo":"fc-1"}"#))
    }

    /// Echoes are fresh per request so a log can tie an answer to its request.
    @Test func echoesDiffer() {
        #expect(OneBot12Action.newEcho() != OneBot12Action.newEcho())
        #expect(OneBot12Action.newEcho().hasPrefix("fc-"))
    }

    @Test func chatIDRoundTrips() {
        for id in ["738291045", "20817465293@chatroom", "private:30003", "private:wxid_a"] {
            #expect(OneBotChatID(id).chatID == id)
        }
    }
}
