import Foundation
import IntentParser

/// One labelled corpus line (LABELING.md): the message and what it should parse to.
public struct LabelledMessage: Decodable, Sendable {
    public var id: String
    public var text: String
    public var senderRole: String?
    public var attachments: [CorpusAttachment]?
    public var source: String?
    public var voice: String?
    public var expected: Expected

    public struct Expected: Decodable, Sendable {
        public var intent: String
        public var category: String?
        public var location: Location?
        public var itemRef: Int?
        public var query: String?

        enum CodingKeys: String, CodingKey {
            case intent, category, location, query
            case itemRef = "item_ref"
        }
    }

    public struct Location: Decodable, Sendable {
        public var estate, building, unit, room, landmark: String?
    }

    enum CodingKeys: String, CodingKey {
        case id, text, attachments, source, voice, expected
        case senderRole = "sender_role"
    }

    /// Written by real people on a public page (the first real file carries its page but no voice).
    public var isReal: Bool { voice == "real" || (voice == nil && source != nil) }

    public var input: ParserInput {
        ParserInput(
            text: text, senderRole: senderRole.flatMap(SenderRole.init(rawValue:)) ?? .unknown,
            attachments: (attachments ?? []).compactMap(\.attachment))
    }
}

/// An attachment in the corpus shape.
public struct CorpusAttachment: Codable, Sendable {
    public var type: String
    public var url: String?
    public var lat: Double?
    public var lon: Double?
    public var label: String?

    public init(type: String, url: String? = nil, lat: Double? = nil, lon: Double? = nil, label: String? = nil) {
        self.type = type
        self.url = url
        self.lat = lat
        self.lon = lon
        self.label = label
    }

    public var attachment: Attachment? {
        switch type {
        case "image": url.map { .image(url: $0) }
        case "location": lat.flatMap { lat in lon.map { .location(lat: lat, lon: $0, label: label) } }
        default: nil
        }
    }
}
