import Foundation
import GRDB

extension BoardTransaction {
    /// The item with this number.
    public func item(id: Int64) throws -> Item? {
        try Item.fetchOne(db, key: id)
    }

    /// An item with its people, history and photos, for its page and its `#12` reply.
    public func detail(itemID: Int64) throws -> ItemDetail? {
        guard let item = try item(id: itemID) else { return nil }
        let reporter = try requireMember(item.reporterID)
        let claimant = try item.claimantID.flatMap { try member(id: $0) }
        let events =
            try TimelineEvent
            .filter(TimelineEvent.CodingKeys.itemID == itemID)
            .order(TimelineEvent.CodingKeys.at, TimelineEvent.CodingKeys.id)
            .fetchAll(db)
        let photos =
            try Photo
            .filter(Photo.CodingKeys.itemID == itemID && Photo.CodingKeys.joinedReportID == nil)
            .order(Photo.CodingKeys.id)
            .fetchAll(db)
        return ItemDetail(item: item, reporter: reporter, claimant: claimant, events: events, photos: photos)
    }

    /// Items in any of the given states (all when nil), newest first, a page at a time.
    public func items(status: [ItemStatus]?, limit: Int, offset: Int) throws -> [Item] {
        var request = Item.all()
        if let status { request = request.filter(status: status) }
        return try request.newestFirst().limit(limit, offset: offset).fetchAll(db)
    }

    /// What the member holds (claimed or submitted), oldest first: the member's to-do list.
    public func todo(memberID: Int64) throws -> [Item] {
        try Item.all()
            .filter(Item.CodingKeys.claimantID == memberID)
            .filter(status: [.claimed, .submitted])
            .oldestFirst()
            .fetchAll(db)
    }

    /// Items still needing work (open, claimed, submitted, escalated), in one grid or all,
    /// oldest first so the longest-waiting come first.
    public func openItems(grid: String?, limit: Int) throws -> [Item] {
        var request = Item.all().filter(status: ItemStatus.active)
        if let grid { request = request.inGrid(grid) }
        return try request.oldestFirst().limit(limit).fetchAll(db)
    }

    /// Items still needing the community's work whose deadline has passed, oldest deadline first: what
    /// the scheduler reminds about (an escalated item is late against its department, not here).
    public func overdueItems(limit: Int) throws -> [Item] {
        try Item.all()
            .filter(status: ItemStatus.withCommunity)
            .overdue(at: now)
            .order(Item.CodingKeys.dueAt, Item.CodingKeys.id)
            .limit(limit)
            .fetchAll(db)
    }

    /// Items waiting on a department past the department's deadline (吹哨报到), the longest overdue
    /// first: not the community's lateness, listed apart in the secretary's digest.
    public func overdueAtDepartments(limit: Int) throws -> [Item] {
        try Item.all()
            .filter(status: [.escalated])
            .overdue(at: now)
            .order(Item.CodingKeys.dueAt, Item.CodingKeys.id)
            .limit(limit)
            .fetchAll(db)
    }

    /// How many items are in each state, created since a date (all time when nil): the weekly
    /// report's tally ("42 reported, 30 solved, 12 being coordinated"). Every state is present.
    public func statusCounts(since: Date?) throws -> [ItemStatus: Int] {
        var counts = Dictionary(uniqueKeysWithValues: ItemStatus.allCases.map { ($0, 0) })
        let rows = try Row.fetchAll(
            db.cachedStatement(
                sql: "SELECT status, COUNT(*) AS n FROM items WHERE created_at >= ? GROUP BY status"),
            arguments: [since.map(Self.seconds) ?? -Double.greatestFiniteMagnitude])
        for row in rows {
            if let status = ItemStatus(rawValue: row["status"]) { counts[status] = row["n"] }
        }
        return counts
    }
}
