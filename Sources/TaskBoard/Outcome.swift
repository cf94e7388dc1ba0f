/// The result of an item command: the item as it now is, and the points booked with it.
public struct Outcome: Sendable {
    public var item: Item
    /// Ledger entries written by the command, in order; empty when none.
    public var awards: [Award]

    /// Memberwise.
    public init(item: Item, awards: [Award] = []) {
        self.item = item
        self.awards = awards
    }
}
