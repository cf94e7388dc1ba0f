/// One page of ledger entries, newest first, with the number over all pages.
public struct LedgerPage: Sendable, Equatable {
    public var entries: [LedgerEntry]
    public var total: Int

    /// Memberwise.
    public init(entries: [LedgerEntry], total: Int) {
        self.entries = entries
        self.total = total
    }
}
