import Foundation
import GRDB

/// A logged-in board user: who, until when, and the token every form of theirs must carry.
public struct BoardSession: Codable, Sendable, Equatable, SnakeCaseColumns, PersistableRecord {
    /// SHA-256 of the cookie's token (hex); the token itself is never stored.
    public var tokenHash: String
    public var userName: String
    /// Sent with every form and compared on every POST (the synchronizer-token pattern).
    public var csrfToken: String
    public var createdAt: Date
    public var expiresAt: Date
    public var lastSeenAt: Date

    public static let databaseTableName = "board_sessions"

    public enum CodingKeys: ColumnKey {
        case tokenHash, userName, csrfToken, createdAt, expiresAt, lastSeenAt
    }

    public static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        .timeIntervalSince1970
    }

    public static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy {
        .timeIntervalSince1970
    }
}
