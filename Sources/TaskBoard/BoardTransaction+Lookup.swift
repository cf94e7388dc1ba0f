import Foundation
import GRDB

// Lookups the board's forms need: people named in a filter, an item's merged duplicates.
extension BoardTransaction {
    /// A member by sender id, or by display name when exactly one member has it.
    public func memberID(named name: String) throws -> Int64? {
        if let member = try member(platformID: name) { return member.id }
        let named = try Member.filter(Member.CodingKeys.name == name).limit(2).fetchAll(db)
        return named.count == 1 ? named[0].id : nil
    }

    /// Items merged into this one as duplicates, oldest first.
    public func duplicates(of itemID: Int64) throws -> [Item] {
        try Item.filter(Item.CodingKeys.duplicateOf == itemID).order(Item.CodingKeys.id).fetchAll(db)
    }

    /// The group a member last wrote in, so the board can address them where they are.
    public func lastGroup(ofSender platformID: String) throws -> (channel: String, groupID: String)? {
        let row = try Row.fetchOne(
            db.cachedStatement(
                sql: "SELECT channel, group_id FROM inbox WHERE sender_id = ? ORDER BY id DESC LIMIT 1"),
            arguments: [platformID])
        guard let row else { return nil }
        return (row["channel"], row["group_id"])
    }
}
