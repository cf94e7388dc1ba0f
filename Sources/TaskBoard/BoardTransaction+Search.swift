import Foundation
import GRDB

// The board's item list and its CSV export.
extension BoardTransaction {
    /// One page of the items matching `query`, with the number matching over all pages; a limit
    /// of 0 gives the number alone.
    public func searchItems(_ query: ItemQuery) throws -> ItemPage {
        let request = Item.all().matching(query, at: now)
        let total = try request.fetchCount(db)
        // A page past the end would walk the whole order for nothing: slow for a rare search word.
        guard query.limit > 0, query.offset < total else { return ItemPage(items: [], total: total, query: query) }
        let items =
            try request
            .sorted(by: query.sort)
            .limit(query.limit, offset: max(query.offset, 0))
            .fetchAll(db)
        return ItemPage(items: items, total: total, query: query)
    }

    /// Calls `body` with every item matching `query`, in its order, ignoring limit and offset:
    /// a cursor, so an export of 100,000 rows never holds them all in memory. `body` must not
    /// change the database while the cursor runs.
    public func forEachItem(matching query: ItemQuery, _ body: (Item) throws -> Void) throws {
        let cursor = try Item.all().matching(query, at: now).sorted(by: query.sort).fetchCursor(db)
        while let item = try cursor.next() {
            try body(item)
        }
    }

    /// The members with these ids, for showing a page's reporters and claimants by name in one
    /// query; unknown ids are left out.
    public func membersByID(_ ids: [Int64]) throws -> [Int64: Member] {
        guard !ids.isEmpty else { return [:] }
        let members = try Member.fetchAll(db, keys: Set(ids))
        return Dictionary(uniqueKeysWithValues: members.compactMap { member in member.id.map { ($0, member) } })
    }
}
