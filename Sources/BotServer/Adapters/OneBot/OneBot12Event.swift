/// One OneBot 12 webhook event, decoded after `OneBot12Auth` accepted the request.
///
/// Meta events (connect, heartbeat) arrive on the same URL without `self`, so only the common fields are
/// required of every event; message events must also carry their message fields, and a message without
/// them is a decoding error (400) rather than a silent drop. Extension fields (`wx.…`, `qq.…`) are
/// ignored except a `<prefix>.nickname`, the only place a v12 bridge can put the sender's name.
struct OneBot12Event: Sendable, Equatable, Decodable {
    /// Unique per event; the message id falls back to it.
    var id: String
    /// Unix seconds, float64 in v12.
    var time: Double
    /// `meta`, `message`, `notice`, `request`.
    var type: String
    /// `group`, `private`, `channel`, `heartbeat`, …
    var detailType: String
    /// May be `""`.
    var subType: String
    /// The bot that saw the event; absent on meta events.
    var bot: Bot?
    /// The platform's message id (a string, unlike v11): what the inbox de-duplicates on.
    var messageID: String?
    /// The message content; empty for non-message events.
    var message: [OneBot12Segment]
    /// A plain-text rendering with placeholders such as `[图片]`; informative only.
    var altMessage: String?
    /// Set for group messages (`…@chatroom` on WeChat bridges).
    var groupID: String?
    /// The sender (a `wxid` on WeChat bridges).
    var userID: String?
    /// The sender's display name from an implementation extension field, when one is sent.
    var nickname: String?

    /// The event's `self` object (a Swift keyword, hence the name).
    struct Bot: Sendable, Equatable, Decodable {
        /// `wechat`, `qq`, …
        var platform: String
        /// The bot's own account, to recognise its own messages and mentions.
        var userID: String

        enum CodingKeys: String, CodingKey {
            case platform
            case userID = "user_id"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            platform = try container.decodeIfPresent(String.self, forKey: .platform) ?? ""
            userID = try container.oneBotString(forKey: .userID)
        }
    }

    /// Any key, since extension fields are only known by their suffix.
    struct Key: CodingKey {
        /// The JSON key.
        var stringValue: String
        /// Events are objects, so no key is an index.
        var intValue: Int? { nil }
        /// A known key by name.
        init(_ string: String) { stringValue = string }
        /// Every key the decoder finds.
        init?(stringValue: String) { self.stringValue = stringValue }
        /// Never an index.
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        id = try container.oneBotString(forKey: Key("id"))
        time = try container.decode(Double.self, forKey: Key("time"))
        type = try container.decode(String.self, forKey: Key("type"))
        detailType = try container.decode(String.self, forKey: Key("detail_type"))
        subType = (try? container.decodeIfPresent(String.self, forKey: Key("sub_type"))) ?? ""

        guard type == "message" else {
            // Meta, notice and request events are only logged; nothing in them may cause a 400.
            bot = (try? container.decodeIfPresent(Bot.self, forKey: Key("self"))) ?? nil
            messageID = nil
            message = []
            altMessage = nil
            groupID = (try? container.oneBotStringIfPresent(forKey: Key("group_id"))) ?? nil
            userID = (try? container.oneBotStringIfPresent(forKey: Key("user_id"))) ?? nil
            nickname = nil
            return
        }
        bot = try container.decodeIfPresent(Bot.self, forKey: Key("self"))
        messageID = try container.oneBotString(forKey: Key("message_id"))
        message = try Self.decodeMessage(container, key: Key("message"))
        altMessage = try container.decodeIfPresent(String.self, forKey: Key("alt_message"))
        userID = try container.oneBotString(forKey: Key("user_id"))
        groupID =
            detailType == "group"
            ? try container.oneBotString(forKey: Key("group_id"))
            : try container.oneBotStringIfPresent(forKey: Key("group_id"))
        nickname = container.allKeys
            .filter { $0.stringValue.hasSuffix(".nickname") }
            .sorted { $0.stringValue < $1.stringValue }
            .lazy.compactMap { try? container.decode(String.self, forKey: $0) }
            .first { !$0.isEmpty }
    }

    /// Events always carry a segment array, but a message "may also be a single segment or a plain string"
    /// elsewhere in v12, and bridges reuse their encoders; all three are accepted.
    private static func decodeMessage(_ container: KeyedDecodingContainer<Key>, key: Key) throws -> [OneBot12Segment] {
        if let string = try? container.decode(String.self, forKey: key) {
            return [.text(string)]
        }
        if let array = try? container.decode([OneBot12Segment].self, forKey: key) {
            return array
        }
        return [try container.decode(OneBot12Segment.self, forKey: key)]
    }
}
