import Foundation
import GRDB

/// A report of something already on the board, joined to that item instead of becoming one of its
/// own: no number, no points, not claimable, not announced. Its reporter hears when the item closes;
/// the secretary can split it off into an item of its own if the join was wrong.
public struct JoinedReport: Codable, Sendable, Equatable, StoreRecord {
    public var id: Int64?
    /// The item it was joined to.
    public var itemID: Int64
    public var reporterID: Int64
    /// The parser's category for it (the item's, for "我也遇到了 #3").
    public var category: String?
    /// Its place as the report named it, as JSON: kept for a split, never filtered on.
    public var place: String
    public var text: String
    /// JSON array of the photos sent with it, kept for a split.
    public var imageURLs: String
    /// Said so by the reporter ("我也遇到了 #3"), not found by the duplicate rule.
    public var explicit: Bool
    public var createdAt: Date
    public var sourceChannel: String?
    public var sourceGroup: String?
    public var sourceMessageID: String?
    /// The item it became when the secretary split it off; nil while joined.
    public var splitItemID: Int64?
    /// Set once its reporter was told the item closed, so nobody hears it twice.
    public var notifiedAt: Date?

    public static let databaseTableName = "joined_reports"

    public enum CodingKeys: ColumnKey {
        case id, itemID, reporterID, category, place, text, imageURLs, explicit, createdAt, sourceChannel,
            sourceGroup, sourceMessageID, splitItemID, notifiedAt
    }

    /// The photos sent with it.
    public var images: [String] {
        (try? JSONDecoder().decode([String].self, from: Data(imageURLs.utf8))) ?? []
    }

    /// Its place, as the report named it.
    public var location: Location {
        (try? JSONDecoder().decode(Location.self, from: Data(place.utf8))) ?? Location()
    }

    /// Where it came from, to answer in the same group.
    public var source: ItemSource? {
        guard let sourceChannel, let sourceGroup else { return nil }
        return ItemSource(channel: sourceChannel, group: sourceGroup, messageID: sourceMessageID)
    }
}
