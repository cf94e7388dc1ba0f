import Foundation
import GRDB

/// A photo attached to an item (the report's, or the proof of completion); the server downloads it
/// later and fills `localPath` and `sha256`.
public struct Photo: Codable, Sendable, Equatable, StoreRecord {
    /// Row id, nil until inserted.
    public var id: Int64?
    public var itemID: Int64
    /// Where the platform serves it.
    public var url: String
    /// Where the server stored its copy, once downloaded.
    public var localPath: String?
    public var sha256: String?
    public var addedAt: Date
    /// Who added it; nil for the system.
    public var addedBy: Int64?

    /// Memberwise.
    public init(
        id: Int64? = nil, itemID: Int64, url: String, localPath: String? = nil, sha256: String? = nil,
        addedAt: Date, addedBy: Int64? = nil
    ) {
        self.id = id
        self.itemID = itemID
        self.url = url
        self.localPath = localPath
        self.sha256 = sha256
        self.addedAt = addedAt
        self.addedBy = addedBy
    }

    /// The table, named explicitly so a type rename never renames the schema.
    public static let databaseTableName = "photos"

    /// snake_case columns.
    public enum CodingKeys: String, CodingKey, ColumnExpression {
        case id
        case itemID = "item_id"
        case url
        case localPath = "local_path"
        case sha256
        case addedAt = "added_at"
        case addedBy = "added_by"
    }
}
