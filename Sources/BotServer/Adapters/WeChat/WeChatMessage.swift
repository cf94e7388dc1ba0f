import Foundation

/// A decrypted (or plain) Official Account / WeCom app message, typed (protocols.md §1.3, §2.1).
///
/// Fields a type does not carry are nil. Numbers that identify things stay exact: `msgID` is
/// kept as the decimal string WeChat sent, since MsgId exceeds 2^53 and must never pass
/// through a Double.
struct WeChatMessage: Sendable, Equatable {
    /// `MsgType`, with the kinds the bot distinguishes; anything else keeps its raw name.
    enum Kind: Sendable, Equatable {
        case text, image, voice, video, shortVideo, location, link, event
        case other(String)

        /// The `MsgType` value as WeChat spells it.
        init(rawValue: String) {
            switch rawValue {
            case "text": self = .text
            case "image": self = .image
            case "voice": self = .voice
            case "video": self = .video
            case "shortvideo": self = .shortVideo
            case "location": self = .location
            case "link": self = .link
            case "event": self = .event
            default: self = .other(rawValue)
            }
        }

        /// Back to WeChat's spelling, for logs and tests.
        var rawValue: String {
            switch self {
            case .text: "text"
            case .image: "image"
            case .voice: "voice"
            case .video: "video"
            case .shortVideo: "shortvideo"
            case .location: "location"
            case .link: "link"
            case .event: "event"
            case .other(let name): name
            }
        }
    }

    /// A location pin: `Location_X` is the latitude and `Location_Y` the longitude (not x/y).
    struct Location: Sendable, Equatable {
        var latitude: Double
        var longitude: Double
        /// Map zoom level the sender used.
        var scale: Int?
        /// The place name WeChat shows under the pin.
        var label: String?
    }

    /// Why a field dictionary is not a usable message.
    enum FieldError: Error, Equatable, Sendable, CustomStringConvertible {
        case missing(String)
        case invalid(String)

        var description: String {
            switch self {
            case .missing(let name): "missing element <\(name)>"
            case .invalid(let name): "element <\(name)> has an invalid value"
            }
        }
    }

    var type: Kind
    /// The account's original id (`gh_…`) or the CorpID.
    var toUser: String
    /// The sender's OpenID (OA) or member UserID (WeCom).
    var fromUser: String
    /// Unix seconds.
    var createTime: Int64
    /// Nil for events, which carry no MsgId.
    var msgID: String?
    var content: String?
    var picURL: String?
    var mediaID: String?
    /// Voice transcript, present only when the account enabled speech recognition.
    var recognition: String?
    var location: Location?
    var event: String?
    var eventKey: String?
    /// The WeCom app the message was sent to; nil for Official Accounts.
    var agentID: Int64?
    /// Every child of `<xml>` as sent, for the fields not typed here (Format, Title, Ticket…).
    var fields: [String: String]

    /// Types and checks the fields of one message; throws `FieldError` when a field every
    /// message has is missing, or a number or coordinate does not parse.
    init(fields: [String: String]) throws {
        func required(_ name: String) throws -> String {
            guard let value = fields[name], !value.isEmpty else { throw FieldError.missing(name) }
            return value
        }
        func integer(_ name: String) throws -> Int64? {
            guard let raw = fields[name] else { return nil }
            guard let value = Int64(raw.trimmingWhitespace) else { throw FieldError.invalid(name) }
            return value
        }
        self.fields = fields
        type = Kind(rawValue: try required("MsgType"))
        toUser = try required("ToUserName")
        fromUser = try required("FromUserName")
        guard let created = try integer("CreateTime") else { throw FieldError.missing("CreateTime") }
        createTime = created
        if let raw = fields["MsgId"] {
            // Checked as UInt64 so garbage is refused, but kept as the exact string WeChat sent.
            let trimmed = raw.trimmingWhitespace
            guard UInt64(trimmed) != nil else { throw FieldError.invalid("MsgId") }
            msgID = trimmed
        }
        content = fields["Content"]
        picURL = fields["PicUrl"]
        mediaID = fields["MediaId"]
        recognition = fields["Recognition"]
        event = fields["Event"]
        eventKey = fields["EventKey"]
        agentID = try integer("AgentID")
        if type == .event, event == nil { throw FieldError.missing("Event") }
        if type == .location {
            guard let latitude = Double(try required("Location_X").trimmingWhitespace), latitude.isFinite
            else { throw FieldError.invalid("Location_X") }
            guard let longitude = Double(try required("Location_Y").trimmingWhitespace), longitude.isFinite
            else { throw FieldError.invalid("Location_Y") }
            location = Location(
                latitude: latitude, longitude: longitude, scale: fields["Scale"].flatMap { Int($0.trimmingWhitespace) },
                label: fields["Label"])
        }
    }

    /// The key WeChat tells developers to de-duplicate on: MsgId, or for events (which have
    /// none) sender plus CreateTime (protocols.md §1.4).
    var deduplicationKey: String {
        msgID ?? "\(fromUser)-\(createTime)"
    }

    /// A follow (OA `subscribe`, also sent by WeCom when a member can use the app); the caller
    /// answers it with a welcome rather than passing it to the board.
    var isSubscribe: Bool {
        type == .event && event == "subscribe"
    }
}

extension String {
    /// WeChat pads nothing, but hand-written and sample XML wrap numbers in newlines.
    fileprivate var trimmingWhitespace: String {
        trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
