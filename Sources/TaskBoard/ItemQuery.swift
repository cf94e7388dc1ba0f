import Foundation

/// What the board's item list and its CSV export select: every filter is optional and they combine
/// with AND; nil (or false) leaves a filter off.
public struct ItemQuery: Sendable, Equatable {
    /// Items in any of these states.
    public var statuses: [ItemStatus]?
    /// Items of any of these kinds.
    public var kinds: [ItemKind]?
    public var category: String?
    /// Items in any of these grids: a grid worker sees only the own grid. An empty list matches
    /// nothing, so a grid worker without a grid sees nothing rather than everything.
    public var grids: [String]?
    public var estate: String?
    public var reporterID: Int64?
    public var claimantID: Int64?
    /// Only items still needing work whose deadline has passed, as of the transaction's time.
    public var overdue: Bool
    /// Reported at or after this time.
    public var createdFrom: Date?
    /// Reported before this time (exclusive, so consecutive periods do not overlap).
    public var createdTo: Date?
    /// A substring of the text, estate, building or landmark; "123" or "#123" also finds item #123.
    /// Blank text is no filter.
    public var text: String?
    public var sort: ItemSort
    /// Page size; the export ignores it and `offset`.
    public var limit: Int
    public var offset: Int
    /// Only what members may see: wishes waiting for approval left out (the chat's claimable list).
    public var approvedOnly = false

    /// Memberwise, defaulting to the first page of everything, newest first.
    public init(
        statuses: [ItemStatus]? = nil, kinds: [ItemKind]? = nil, category: String? = nil, grids: [String]? = nil,
        estate: String? = nil, reporterID: Int64? = nil, claimantID: Int64? = nil, overdue: Bool = false,
        createdFrom: Date? = nil, createdTo: Date? = nil, text: String? = nil, sort: ItemSort = .newest,
        limit: Int = 50, offset: Int = 0
    ) {
        self.statuses = statuses
        self.kinds = kinds
        self.category = category
        self.grids = grids
        self.estate = estate
        self.reporterID = reporterID
        self.claimantID = claimantID
        self.overdue = overdue
        self.createdFrom = createdFrom
        self.createdTo = createdTo
        self.text = text
        self.sort = sort
        self.limit = limit
        self.offset = offset
    }
}
