import Foundation
import GRDB

/// Named board queries, so commands and pages say what they select rather than spell SQL.
extension DerivableRequest<Item> {
    /// Items in any of these states.
    public func filter(status: [ItemStatus]) -> Self {
        filter(status.contains(Item.CodingKeys.status))
    }

    /// Items of one grid.
    public func inGrid(_ grid: String) -> Self {
        filter(Item.CodingKeys.grid == grid)
    }

    /// Items whose deadline is before `date` (dates are stored as unix seconds).
    public func overdue(at date: Date) -> Self {
        filter(Item.CodingKeys.dueAt < date.timeIntervalSince1970)
    }

    /// Newest first, ties by number.
    public func newestFirst() -> Self {
        order(Item.CodingKeys.createdAt.desc, Item.CodingKeys.id.desc)
    }

    /// Oldest first, ties by number.
    public func oldestFirst() -> Self {
        order(Item.CodingKeys.createdAt, Item.CodingKeys.id)
    }
}
