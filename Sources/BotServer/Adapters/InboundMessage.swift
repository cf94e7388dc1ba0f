import Foundation
import IntentParser

/// One group message in platform-neutral form: what every adapter produces and the inbox stores.
struct InboundMessage: Sendable, Codable, Equatable {
    /// The channel it came through (`generic`, or a configured channel id).
    var channel: String
    var messageID: String
    var groupID: String
    var senderID: String
    var senderName: String?
    var text: String
    var imageURLs: [String]
    var location: SharedLocation?
    /// When the platform says it was sent (seconds since 1970).
    var timestamp: Double?

    enum CodingKeys: String, CodingKey {
        case channel
        case messageID = "message_id"
        case groupID = "group_id"
        case senderID = "sender_id"
        case senderName = "sender_name"
        case text
        case imageURLs = "image_urls"
        case location, timestamp
    }

    /// The attachments in the parser's terms.
    var attachments: [Attachment] {
        imageURLs.map { .image(url: $0) }
            + (location.map { [.location(lat: $0.lat, lon: $0.lon, label: $0.label)] } ?? [])
    }
}

/// A location share: coordinates and the label the platform shows.
struct SharedLocation: Sendable, Codable, Equatable {
    var lat: Double
    var lon: Double
    var label: String?
}
