import Foundation
import GRDB

extension BoardTransaction {
    /// The member behind a platform sender id, if the board knows them.
    public func member(platformID: String) throws -> Member? {
        try Member.filter(Member.CodingKeys.platformID == platformID).fetchOne(db)
    }

    /// The member with this row id.
    public func member(id: Int64) throws -> Member? {
        try Member.fetchOne(db, key: id)
    }

    /// Creates the member, or updates role and grid of a known one (and the name when a non-empty
    /// one is given), so the server can keep roles in step with its configuration. A new member
    /// without a name is named by the platform id until they register.
    public func upsertMember(platformID: String, name: String?, role: MemberRole, grid: String?) throws -> Member {
        let givenName = name.flatMap { $0.isEmpty ? nil : $0 }
        if var existing = try member(platformID: platformID) {
            // Called for every message: write only when something changed.
            try existing.updateChanges(db) { member in
                member.role = role
                member.grid = grid
                if let givenName { member.name = givenName }
            }
            return existing
        }
        var created = Member(
            platformID: platformID, name: givenName ?? platformID, role: role, grid: grid, createdAt: now)
        try created.insert(db)
        return created
    }

    /// Registers (baodao) a member with name and role, creating them if needed; keeps the grid.
    public func register(platformID: String, name: String, role: MemberRole) throws -> Member {
        if var existing = try member(platformID: platformID) {
            existing.name = name
            existing.role = role
            existing.registeredAt = now
            try existing.update(db)
            return existing
        }
        var created = Member(platformID: platformID, name: name, role: role, createdAt: now, registeredAt: now)
        try created.insert(db)
        return created
    }

    /// All members, by id, for the board's people page.
    public func members(role: MemberRole? = nil) throws -> [Member] {
        var request = Member.all()
        if let role { request = request.filter(Member.CodingKeys.role == role) }
        return try request.order(Member.CodingKeys.id).fetchAll(db)
    }

    /// The member or `BoardError.noSuchMember` with the id as text.
    func requireMember(_ id: Int64) throws -> Member {
        guard let found = try member(id: id) else { throw BoardError.noSuchMember(String(id)) }
        return found
    }
}
