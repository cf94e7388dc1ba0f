import Foundation
import GRDB

/// One handled message in a group's recent window: what the server needs to join a photo to the
/// same sender's text nearby in time, before or after it.
public struct ConversationTurn: Codable, Sendable, Equatable, StoreRecord {
    public var id: Int64?
    public var inboxID: Int64
    public var channel: String
    public var groupID: String
    public var senderID: String
    /// The corpus role the parser saw (rider, member, secretary …).
    public var role: String
    /// Server time the message arrived; the window is counted in it.
    public var at: Date
    public var text: String
    /// JSON array of image URLs.
    public var imageURLs: String
    public var lat: Double?
    public var lon: Double?
    public var locationLabel: String?
    /// The parsed intent of a text turn.
    public var intent: String?
    /// The item this turn created or was attached to.
    public var itemID: Int64?
    public var state: TurnState

    public init(
        id: Int64? = nil, inboxID: Int64, channel: String, groupID: String, senderID: String, role: String, at: Date,
        text: String, imageURLs: [String], lat: Double? = nil, lon: Double? = nil, locationLabel: String? = nil,
        intent: String? = nil, itemID: Int64? = nil, state: TurnState
    ) {
        self.id = id
        self.inboxID = inboxID
        self.channel = channel
        self.groupID = groupID
        self.senderID = senderID
        self.role = role
        self.at = at
        self.text = text
        self.imageURLs = String(decoding: (try? JSONEncoder().encode(imageURLs)) ?? Data("[]".utf8), as: UTF8.self)
        self.lat = lat
        self.lon = lon
        self.locationLabel = locationLabel
        self.intent = intent
        self.itemID = itemID
        self.state = state
    }

    /// The image URLs as a list.
    public var images: [String] {
        (try? JSONDecoder().decode([String].self, from: Data(imageURLs.utf8))) ?? []
    }

    public static let databaseTableName = "conversation_turns"

    public enum CodingKeys: ColumnKey {
        case id, inboxID, channel, groupID, senderID, role, at, text, imageURLs, lat, lon, locationLabel, intent,
            itemID, state
    }

}

/// A photo-only turn waits (`parked`) until text joins it or its window has passed.
public enum TurnState: String, Codable, Sendable, DatabaseValueConvertible {
    case done, parked
}
