import Foundation

/// The body of `POST /webhook/generic`, as documented in README.
struct GenericWebhookMessage: Decodable {
    var messageID: String
    var groupID: String
    var sender: Sender
    var text: String
    var attachments: [GenericAttachment]
    var timestamp: Double?

    struct Sender: Decodable {
        var id: String
        var name: String?
    }

    enum CodingKeys: String, CodingKey {
        case messageID = "message_id"
        case groupID = "group_id"
        case sender, text, attachments, timestamp
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        // Bridges send ids as numbers or strings; both name the same message.
        messageID = try c.decodeLenientString(forKey: .messageID)
        groupID = try c.decodeLenientString(forKey: .groupID)
        sender = try c.decode(Sender.self, forKey: .sender)
        text = try c.decodeIfPresent(String.self, forKey: .text) ?? ""
        attachments = try c.decodeIfPresent([GenericAttachment].self, forKey: .attachments) ?? []
        timestamp = try c.decodeIfPresent(Double.self, forKey: .timestamp)
    }

    func inbound(channel: String) throws -> InboundMessage {
        guard !messageID.isEmpty else { throw GenericWebhookError.missingField("message_id") }
        guard !groupID.isEmpty else { throw GenericWebhookError.missingField("group_id") }
        guard !sender.id.isEmpty else { throw GenericWebhookError.missingField("sender.id") }
        var images: [String] = []
        var location: SharedLocation?
        for attachment in attachments {
            switch attachment {
            case .image(let url): images.append(url)
            case .location(let shared): location = shared
            case .unsupported: continue
            }
        }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || !images.isEmpty || location != nil
        else { throw GenericWebhookError.missingField("text or attachments") }
        return InboundMessage(
            channel: channel, messageID: messageID, groupID: groupID, senderID: sender.id,
            senderName: sender.name, text: text, imageURLs: images, location: location, timestamp: timestamp)
    }
}

extension GenericWebhookMessage.Sender {
    enum CodingKeys: String, CodingKey { case id, name }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeLenientString(forKey: .id)
        name = try c.decodeIfPresent(String.self, forKey: .name)
    }
}

/// One entry of `attachments`; unknown types are skipped rather than refused.
enum GenericAttachment: Decodable {
    case image(String)
    case location(SharedLocation)
    case unsupported

    enum CodingKeys: String, CodingKey { case type, url, lat, lon, label }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(String.self, forKey: .type) {
        case "image":
            self = .image(try c.decode(String.self, forKey: .url))
        case "location":
            self = .location(
                SharedLocation(
                    lat: try c.decode(Double.self, forKey: .lat), lon: try c.decode(Double.self, forKey: .lon),
                    label: try c.decodeIfPresent(String.self, forKey: .label)))
        default:
            self = .unsupported
        }
    }
}

/// Why a generic webhook body was refused.
enum GenericWebhookError: Error, CustomStringConvertible {
    case missingField(String)

    var description: String {
        switch self {
        case .missingField(let field): "missing field \(field)"
        }
    }
}

extension KeyedDecodingContainer {
    /// A string, or an integer written as a number.
    func decodeLenientString(forKey key: Key) throws -> String {
        if let int = try? decode(Int64.self, forKey: key) { return String(int) }
        return try decode(String.self, forKey: key)
    }
}
