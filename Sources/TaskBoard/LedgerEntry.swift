import Foundation
import GRDB

/// One append-only line of the points ledger; balances are sums of these, never stored alone
/// (design section 5, STYLE 9). The schema refuses updates, deletes and a zero delta.
public struct LedgerEntry: Codable, Sendable, Equatable, StoreRecord {
    /// Row id, nil until inserted.
    public var id: Int64?
    public var memberID: Int64
    public var board: PointsBoard
    /// Points added (positive) or taken (negative); never zero.
    public var delta: Int
    public var reason: LedgerReason
    /// The item that earned or cost the points, if any.
    public var itemID: Int64?
    public var createdAt: Date
    /// What an exchange bought or why a correction was made, as the secretary entered it.
    public var note: String?

    /// The table, named explicitly so a type rename never renames the schema.
    public static let databaseTableName = "ledger"

    public enum CodingKeys: ColumnKey {
        case id, memberID, board, delta, reason, itemID, createdAt, note
    }
}
