/// What the server knows about a new report, built from the parser's result and the message, or
/// from a board form.
public struct NewItem: Sendable {
    public var kind: ItemKind
    public var category: String?
    /// The place, already routed to its grid.
    public var location: Location
    public var text: String
    public var reporterID: Int64
    /// Where the report came from, to answer in the same group; nil for one filed on the board.
    public var source: ItemSource?
    /// Photos sent with the report, stored with the item.
    public var photoURLs: [String]
    /// A wish waits for the secretary's approval before members see it (`wishes.approval`).
    public var awaitsApproval: Bool

    /// Everything but the kind, text and reporter is optional.
    public init(
        kind: ItemKind, category: String? = nil, location: Location = Location(), text: String, reporterID: Int64,
        source: ItemSource? = nil, photoURLs: [String] = [], awaitsApproval: Bool = false
    ) {
        self.kind = kind
        self.category = category
        self.location = location
        self.text = text
        self.reporterID = reporterID
        self.source = source
        self.photoURLs = photoURLs
        self.awaitsApproval = awaitsApproval
    }
}

/// The chat message an item came from.
public struct ItemSource: Sendable, Equatable {
    public var channel: String
    public var group: String
    /// The platform's message id, to quote it in replies; nil when there is none (a board filing).
    public var messageID: String?

    public init(channel: String, group: String, messageID: String? = nil) {
        self.channel = channel
        self.group = group
        self.messageID = messageID
    }
}
