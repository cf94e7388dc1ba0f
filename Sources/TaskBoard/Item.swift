import Foundation
import GRDB

/// One issue, wish or suggestion on the board, with its place, state and the people involved.
/// Changed only by `BoardTransaction`'s commands, which keep it in step with its timeline and the ledger.
public struct Item: Codable, Sendable, Equatable, StoreRecord {
    /// Row id: the item number people quote ("#12"); nil until inserted.
    public var id: Int64?
    public var kind: ItemKind
    /// Category from the parser (a broken manhole cover, ...), free text so the lexicon can grow without a migration.
    public var category: String?
    /// Place, as far as the parser found it.
    public var estate: String?
    public var building: String?
    public var unit: String?
    public var room: String?
    public var landmark: String?
    /// The grid responsible, which decides which grid worker may act on the item.
    public var grid: String?
    public var lat: Double?
    public var lon: Double?
    /// The report's text.
    public var text: String
    public var status: ItemStatus = .open
    public var reporterID: Int64
    /// Set while claimed or submitted; kept after escalation, closing and merging as history.
    public var claimantID: Int64?
    public var createdAt: Date
    public var claimedAt: Date?
    public var submittedAt: Date?
    public var closedAt: Date?
    /// Deadline from the rules for its kind.
    public var dueAt: Date?
    /// The item this one duplicates, when merged.
    public var duplicateOf: Int64?
    /// Where it was escalated to (chuishao, "blowing the whistle"), when escalated.
    public var escalatedTo: String?
    /// Where the report came from, to answer in the same group.
    public var sourceChannel: String?
    public var sourceGroup: String?
    public var sourceMessageID: String?
    /// When the community approved a wish for members to see and claim (点单 → 派单); nil while it
    /// waits on the board. Issues and suggestions need no approval and leave it nil.
    public var approvedAt: Date?

    /// The table, named explicitly so a type rename never renames the schema.
    public static let databaseTableName = "items"

    public enum CodingKeys: ColumnKey {
        case id, kind, category, estate, building, unit, room, landmark, grid, lat, lon, text, status, reporterID,
            claimantID, createdAt, claimedAt, submittedAt, closedAt, dueAt, duplicateOf, escalatedTo, sourceChannel,
            sourceGroup, sourceMessageID, approvedAt
    }
}
