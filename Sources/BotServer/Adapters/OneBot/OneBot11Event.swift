/// One OneBot 11 HTTP POST report, decoded after `OneBot11Verifier` accepted its bytes.
///
/// Every post type decodes, because heartbeats and notices share the URL with messages; only message
/// posts must carry the message fields, and a message post without them is a decoding error (a 400),
/// not a silent drop. Ids are int64 as the spec says and are never routed through `Double`.
struct OneBot11Event: Sendable, Equatable, Decodable {
    /// Unix seconds.
    var time: Int64
    /// The bot account that saw the event.
    var selfID: Int64
    /// `message`, `notice`, `request`, `meta_event`; go-cqhttp adds `message_sent` for the bot's own messages.
    var postType: String
    /// `group` or `private` for messages.
    var messageType: String?
    /// `normal`, `anonymous`, `notice`, `friend`, …
    var subType: String?
    /// The spec's int32 message id; only unique per bot and reused after an implementation restarts.
    var messageID: Int64?
    /// Set for group messages (and group notices).
    var groupID: Int64?
    /// The sender of a message; the subject of a notice or request.
    var userID: Int64?
    /// Set for anonymous group messages, whose `user_id` is a shared placeholder.
    var anonymous: Anonymous?
    /// The message as segments, whichever format the implementation used.
    var message: [OneBot11Segment]
    /// Always CQ-code text; used only when `message` is missing.
    var rawMessage: String?
    /// Best-effort profile; the display name comes from here.
    var sender: Sender?
    /// `heartbeat` or `lifecycle` for meta events: what the ignore reason names.
    var metaEventType: String?
    /// The kind of notice or request, named in the ignore reason.
    var noticeType: String?
    var requestType: String?

    /// The best-effort sender profile of a message post.
    struct Sender: Sendable, Equatable, Decodable {
        /// The same account as the event's `user_id`.
        var userID: Int64?
        /// The account name, used when no group card is set.
        var nickname: String?
        /// The group card (群名片); the empty string when none is set.
        var card: String?

        enum CodingKeys: String, CodingKey {
            case userID = "user_id"
            case nickname, card
        }

        /// A profile built in code, for tests and fakes.
        init(userID: Int64? = nil, nickname: String? = nil, card: String? = nil) {
            self.userID = userID
            self.nickname = nickname
            self.card = card
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            userID = try container.oneBotInt64IfPresent(forKey: .userID)
            nickname = try container.decodeIfPresent(JSONValue.self, forKey: .nickname)?.lenientString
            card = try container.decodeIfPresent(JSONValue.self, forKey: .card)?.lenientString
        }
    }

    /// Who posted an anonymous group message.
    struct Anonymous: Sendable, Equatable, Decodable {
        /// Stable per anonymous member within a group, unlike the shared `user_id`.
        var id: Int64?
        /// The name QQ shows, such as 匿名者.
        var name: String?

        enum CodingKeys: String, CodingKey { case id, name }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.oneBotInt64IfPresent(forKey: .id)
            name = try container.decodeIfPresent(String.self, forKey: .name)
        }
    }

    enum CodingKeys: String, CodingKey {
        case time
        case selfID = "self_id"
        case postType = "post_type"
        case messageType = "message_type"
        case subType = "sub_type"
        case messageID = "message_id"
        case groupID = "group_id"
        case userID = "user_id"
        case anonymous, message
        case rawMessage = "raw_message"
        case sender
        case metaEventType = "meta_event_type"
        case noticeType = "notice_type"
        case requestType = "request_type"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        time = try container.oneBotInt64(forKey: .time)
        selfID = try container.oneBotInt64(forKey: .selfID)
        postType = try container.decode(String.self, forKey: .postType)
        metaEventType = try? container.decodeIfPresent(String.self, forKey: .metaEventType)
        noticeType = try? container.decodeIfPresent(String.self, forKey: .noticeType)
        requestType = try? container.decodeIfPresent(String.self, forKey: .requestType)
        subType = try? container.decodeIfPresent(String.self, forKey: .subType)

        guard Self.messagePostTypes.contains(postType) else {
            // Notices and requests vary by implementation and are only logged, so nothing in them may
            // turn a heartbeat-like post into a 400.
            messageType = nil
            messageID = (try? container.oneBotInt64IfPresent(forKey: .messageID)) ?? nil
            groupID = (try? container.oneBotInt64IfPresent(forKey: .groupID)) ?? nil
            userID = (try? container.oneBotInt64IfPresent(forKey: .userID)) ?? nil
            anonymous = nil
            message = []
            rawMessage = nil
            sender = nil
            return
        }
        // A message post without these cannot be stored or answered: refuse it loudly.
        messageType = try container.decode(String.self, forKey: .messageType)
        messageID = try container.oneBotInt64(forKey: .messageID)
        userID = try container.oneBotInt64(forKey: .userID)
        groupID =
            messageType == "group"
            ? try container.oneBotInt64(forKey: .groupID) : try container.oneBotInt64IfPresent(forKey: .groupID)
        sender = try container.decodeIfPresent(Sender.self, forKey: .sender)
        anonymous = try container.decodeIfPresent(Anonymous.self, forKey: .anonymous)
        rawMessage = try container.decodeIfPresent(String.self, forKey: .rawMessage)
        if let decoded = try container.decodeIfPresent(OneBot11Message.self, forKey: .message) {
            message = decoded.segments
        } else if let rawMessage {
            message = OneBot11CQCode.parse(rawMessage)
        } else {
            throw DecodingError.keyNotFound(
                CodingKeys.message,
                .init(codingPath: container.codingPath, debugDescription: "neither message nor raw_message"))
        }
    }

    /// Post types that carry a message; `message_sent` is how go-cqhttp reports the bot's own messages.
    static let messagePostTypes: Set<String> = ["message", "message_sent"]
}
