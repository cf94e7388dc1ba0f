import Foundation
import GRDB

/// A message the parser was unsure of, held for the secretary instead of guessed at.
public struct ReviewEntry: Codable, Sendable, Equatable, StoreRecord {
    public var id: Int64?
    public var inboxID: Int64
    public var channel: String
    public var groupID: String
    public var senderID: String
    public var text: String
    /// JSON array of image URLs.
    public var imageURLs: String
    /// The parser's result as JSON, so the board can pre-fill a decision.
    public var parse: String
    public var reason: ReviewReason
    public var status: ReviewStatus
    public var createdAt: Date
    public var resolvedAt: Date?
    public var resolvedBy: Int64?
    public var itemID: Int64?

    public init(
        id: Int64? = nil, inboxID: Int64, channel: String, groupID: String, senderID: String, text: String,
        imageURLs: [String], parse: String, reason: ReviewReason, status: ReviewStatus = .open, createdAt: Date,
        resolvedAt: Date? = nil, resolvedBy: Int64? = nil, itemID: Int64? = nil
    ) {
        self.id = id
        self.inboxID = inboxID
        self.channel = channel
        self.groupID = groupID
        self.senderID = senderID
        self.text = text
        // Encoding an array of strings cannot fail.
        self.imageURLs = String(decoding: try! JSONEncoder().encode(imageURLs), as: UTF8.self)
        self.parse = parse
        self.reason = reason
        self.status = status
        self.createdAt = createdAt
        self.resolvedAt = resolvedAt
        self.resolvedBy = resolvedBy
        self.itemID = itemID
    }

    public static let databaseTableName = "reviews"

    public enum CodingKeys: ColumnKey {
        case id, inboxID, channel, groupID, senderID, text, imageURLs, parse, reason, status, createdAt, resolvedAt,
            resolvedBy, itemID
    }

}

/// Why a message waits for review.
public enum ReviewReason: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    case lowConfidence = "low_confidence"
    case missingPlace = "missing_place"
}

/// Where a review stands.
public enum ReviewStatus: String, Codable, Sendable, DatabaseValueConvertible {
    case open, resolved, ignored
}

extension ReviewEntry {
    /// The photos sent with the message, stored as a JSON array.
    public func photoURLs() throws -> [String] {
        try JSONDecoder().decode([String].self, from: Data(imageURLs.utf8))
    }
}
