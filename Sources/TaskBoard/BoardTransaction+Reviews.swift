import Foundation
import GRDB

// The secretary's review queue: messages the parser was unsure of, and items still missing a place.
extension BoardTransaction {
    /// The review entry with this id.
    public func review(id: Int64) throws -> ReviewEntry? {
        try ReviewEntry.fetchOne(db, key: id)
    }

    /// How many entries wait for a decision (the board's badge).
    public func openReviewCount() throws -> Int {
        try ReviewEntry.filter(ReviewEntry.CodingKeys.status == ReviewStatus.open).fetchCount(db)
    }

    /// Settles an open entry with the item it became or belongs to.
    public func resolveReview(id: Int64, itemID: Int64, by memberID: Int64) throws -> ReviewEntry {
        try atomically {
            var entry = try requireOpenReview(id, by: memberID)
            _ = try requireItem(itemID)
            entry.status = .resolved
            entry.itemID = itemID
            entry.resolvedAt = now
            entry.resolvedBy = memberID
            try entry.update(db)
            return entry
        }
    }

    /// Settles an open entry as nothing to act on.
    public func ignoreReview(id: Int64, by memberID: Int64) throws -> ReviewEntry {
        try atomically {
            var entry = try requireOpenReview(id, by: memberID)
            entry.status = .ignored
            entry.resolvedAt = now
            entry.resolvedBy = memberID
            try entry.update(db)
            return entry
        }
    }

    /// Active items with no estate, landmark or coordinates: reports nobody can find yet, oldest first.
    public func itemsMissingPlace(limit: Int) throws -> [Item] {
        try Item.all()
            .filter(status: ItemStatus.active)
            .filter(
                (Item.CodingKeys.estate == nil || Item.CodingKeys.estate == "")
                    && (Item.CodingKeys.landmark == nil || Item.CodingKeys.landmark == "")
                    && Item.CodingKeys.lat == nil
            )
            .oldestFirst()
            .limit(limit)
            .fetchAll(db)
    }

    /// The entry, if it exists and is open and the member may decide it: the secretary or a grid
    /// worker, who stand in for the community (entries have no grid yet).
    private func requireOpenReview(_ id: Int64, by memberID: Int64) throws -> ReviewEntry {
        guard let entry = try review(id: id) else { throw BoardPageError.noSuchReview(id) }
        let member = try requireMember(memberID)
        guard member.role == .secretary || member.role == .gridWorker else {
            throw BoardError.notAllowed(action: BoardAction.review.rawValue, role: member.role)
        }
        guard entry.status == .open else { throw BoardPageError.reviewClosed(id, status: entry.status) }
        return entry
    }
}
