import Foundation
import GRDB

/// A party member's attendance at a community activity, booked by the secretary: with a completed
/// task it makes the yearly duty (design section 1).
public struct Activity: Codable, Sendable, Equatable, StoreRecord {
    /// Row id, nil until inserted.
    public var id: Int64?
    public var memberID: Int64
    /// What the activity was, as the secretary wrote it.
    public var name: String
    /// When it took place; decides the year it counts for.
    public var heldOn: Date
    /// The secretary who booked it.
    public var recordedBy: Int64?
    /// When it was booked.
    public var createdAt: Date

    /// The table, named explicitly so a type rename never renames the schema.
    public static let databaseTableName = "activities"

    public enum CodingKeys: ColumnKey {
        case id, memberID, name, heldOn, recordedBy, createdAt
    }
}
