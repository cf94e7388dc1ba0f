import Foundation
import GRDB

/// One step in an item's history (who did what, when), written in the same transaction as the change.
public struct TimelineEvent: Codable, Sendable, Equatable, StoreRecord {
    /// Row id, nil until inserted.
    public var id: Int64?
    public var itemID: Int64
    /// Who acted; nil for the system (a scheduler, a photo download).
    public var actorID: Int64?
    public var action: TimelineAction
    public var at: Date
    /// Free text: a submission note, a return reason, an escalation target.
    public var note: String?

    /// The table, named explicitly so a type rename never renames the schema.
    public static let databaseTableName = "timeline_events"

    public enum CodingKeys: ColumnKey {
        case id, itemID, actorID, action, at, note
    }
}
