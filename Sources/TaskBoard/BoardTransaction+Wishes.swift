import Foundation
import GRDB

extension BoardTransaction {
    /// The secretary, or the grid worker of the wish's grid, approves a wish waiting on the board: from
    /// now on members are told of it and may claim it. Approving twice is refused by its state.
    public func approve(itemID: Int64, by memberID: Int64) throws -> Outcome {
        try atomically {
            var item = try requireItem(itemID, .approveWish, by: memberID)
            guard item.awaitsApproval else { throw wrongState(item, ItemAction.approveWish.rawValue) }
            item.approvedAt = now
            // Its deadline runs from publication: the days it waited on the board were nobody's to lose.
            item.dueAt = now.addingTimeInterval(Double(deadlineHours(for: .wish, category: nil)) * 3600)
            try save(item, .approved, by: memberID, note: nil)
            return Outcome(item: item)
        }
    }

    /// Approved wishes nobody has claimed yet, the longest published first, with how many there are:
    /// what the weekly publication lists.
    public func claimableWishes(limit: Int) throws -> (items: [Item], total: Int) {
        let request = Item.filter(Item.CodingKeys.kind == ItemKind.wish && Item.CodingKeys.status == ItemStatus.open)
            .filter(Item.CodingKeys.approvedAt != nil)
        return (
            try request.order(Item.CodingKeys.approvedAt, Item.CodingKeys.id).limit(limit).fetchAll(db),
            try request.fetchCount(db)
        )
    }

    /// How many wishes wait for approval: what the secretary is reminded of.
    public func wishesAwaitingApprovalCount() throws -> Int {
        try Item.filter(Item.CodingKeys.kind == ItemKind.wish && Item.CodingKeys.status == ItemStatus.open)
            .filter(Item.CodingKeys.approvedAt == nil)
            .fetchCount(db)
    }

    /// The photo the claimant sent with the work (the after photo shown in 晒单): their latest.
    public func afterPhoto(of item: Item) throws -> Photo? {
        guard let itemID = item.id, let claimantID = item.claimantID else { return nil }
        return try Photo.filter(Photo.CodingKeys.itemID == itemID && Photo.CodingKeys.addedBy == claimantID)
            .filter(Photo.CodingKeys.joinedReportID == nil)
            .order(Photo.CodingKeys.id.desc).fetchOne(db)
    }
}
