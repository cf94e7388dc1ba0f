import Foundation
import IntentParser
import ParserCorpus

/// One line of the corpus input shape (`id`, `text`, `sender_role`, `attachments`; threads: `messages`).
struct CorpusLine: Codable {
    var id: String
    var text: String?
    var senderRole: String?
    var attachments: [CorpusAttachment]?
    var messages: [CorpusMessage]?

    enum CodingKeys: String, CodingKey {
        case id, text, attachments, messages
        case senderRole = "sender_role"
    }

    var input: ParserInput {
        ParserInput(
            text: text ?? "", senderRole: senderRole.flatMap(SenderRole.init(rawValue:)) ?? .unknown,
            attachments: (attachments ?? []).compactMap(\.attachment))
    }
}

struct CorpusMessage: Codable {
    var sender: String
    var role: String?
    var ts: Double
    var text: String?
    var attachments: [CorpusAttachment]?

    var threadMessage: ThreadMessage {
        ThreadMessage(
            sender: sender, role: role.flatMap(SenderRole.init(rawValue:)) ?? .unknown, ts: ts, text: text ?? "",
            attachments: (attachments ?? []).compactMap(\.attachment))
    }
}

/// The scorer's prediction shape.
struct Prediction: Encodable {
    var id: String
    var intent: String
    var category: String?
    var location: PredictedPlace?
    var itemRef: Int?
    var query: String?

    enum CodingKeys: String, CodingKey {
        case id, intent, category, location, query
        case itemRef = "item_ref"
    }

    init(id: String, result: ParseResult) {
        self.id = id
        intent = result.intent.rawValue
        category = result.category?.rawValue
        location = result.place.map(PredictedPlace.init)
        itemRef = result.itemRef
        query = result.query?.rawValue
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeWithNulls([
            .id: id, .intent: intent, .category: category, .location: location, .itemRef: itemRef, .query: query,
        ])
    }
}

struct PredictedPlace: Encodable {
    var estate, building, unit, room, landmark: String?

    init(_ place: Place) {
        estate = place.estate
        building = place.building
        unit = place.unit
        room = place.room
        landmark = place.landmark
    }

    enum CodingKeys: String, CodingKey { case estate, building, unit, room, landmark }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeWithNulls([.estate: estate, .building: building, .unit: unit, .room: room, .landmark: landmark])
    }
}

/// A thread's predicted records, in the scorer's shape.
struct ThreadPrediction: Encodable {
    var id: String
    var records: [Record]

    struct Record: Encodable {
        var prediction: Prediction
        var photoCount: Int
        var sender: String

        enum CodingKeys: String, CodingKey {
            case photoCount = "photo_count"
            case sender
        }

        func encode(to encoder: any Encoder) throws {
            try prediction.encode(to: encoder)
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(photoCount, forKey: .photoCount)
            try c.encode(sender, forKey: .sender)
        }
    }
}

extension KeyedEncodingContainer {
    /// Writes every field, an absent one as null: the scorer expects each key of a prediction.
    mutating func encodeWithNulls(_ fields: KeyValuePairs<Key, (any Encodable)?>) throws {
        for (key, value) in fields {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
    }
}
