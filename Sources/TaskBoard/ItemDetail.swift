/// An item with everything its page and its `#12` reply show: people, history and photos.
public struct ItemDetail: Sendable {
    public var item: Item
    public var reporter: Member
    public var claimant: Member?
    /// Oldest first.
    public var events: [TimelineEvent]
    /// In the order they were added.
    public var photos: [Photo]

    /// Memberwise.
    public init(item: Item, reporter: Member, claimant: Member?, events: [TimelineEvent], photos: [Photo]) {
        self.item = item
        self.reporter = reporter
        self.claimant = claimant
        self.events = events
        self.photos = photos
    }
}
