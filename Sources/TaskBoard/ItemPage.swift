/// One page of the item list, with what the pager needs.
public struct ItemPage: Sendable, Equatable {
    /// The page's items, in the query's order.
    public var items: [Item]
    /// How many items match the query over all pages.
    public var total: Int
    /// The query that produced the page, so the page can link to its neighbours with the same filters.
    public var query: ItemQuery
}
