/// One line of a tally: a category or a grid and how many items it had.
public struct CountRow: Sendable, Equatable {
    /// The category or grid; nil for items that have none (not yet classified or located).
    public var label: String?
    public var count: Int

    /// Memberwise.
    public init(label: String?, count: Int) {
        self.label = label
        self.count = count
    }
}
