import Foundation
import GRDB

/// A person known to the board by the platform's sender id, so that messages, claims and points
/// from the same sender meet on one row.
public struct Member: Codable, Sendable, Equatable, StoreRecord {
    /// Row id, nil until inserted.
    public var id: Int64?
    /// The platform's unique sender id (unique in the schema).
    public var platformID: String
    /// Display name used in replies ("#12 is claimed by ...").
    public var name: String
    /// What the member may do.
    public var role: MemberRole
    /// The grid this member serves (grid workers) or lives in, matched against an item's grid.
    public var grid: String?
    /// When the board first saw the sender.
    public var createdAt: Date
    /// When the member registered (baodao), nil for senders who never did.
    public var registeredAt: Date?
    /// When the secretary confirmed the registration; a party member registered but not yet
    /// approved is pending.
    public var approvedAt: Date?
    /// The secretary who approved it.
    public var approvedBy: Int64?

    /// Memberwise, for tests and the server.
    public init(
        id: Int64? = nil, platformID: String, name: String, role: MemberRole, grid: String? = nil,
        createdAt: Date, registeredAt: Date? = nil, approvedAt: Date? = nil, approvedBy: Int64? = nil
    ) {
        self.id = id
        self.platformID = platformID
        self.name = name
        self.role = role
        self.grid = grid
        self.createdAt = createdAt
        self.registeredAt = registeredAt
        self.approvedAt = approvedAt
        self.approvedBy = approvedBy
    }

    /// A party member's registration waiting for the secretary (the members page's queue).
    public var isPendingRegistration: Bool {
        role == .member && registeredAt != nil && approvedAt == nil
    }

    /// The table, named explicitly so a type rename never renames the schema.
    public static let databaseTableName = "members"

    public enum CodingKeys: ColumnKey {
        case id, platformID, name, role, grid, createdAt, registeredAt, approvedAt, approvedBy
    }
}
