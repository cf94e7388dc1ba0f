/// A member's points, summed from the ledger at the time of asking (never stored).
public struct Balance: Sendable, Equatable {
    /// Every board, zero where the member has no entry.
    public var byBoard: [PointsBoard: Int]
    /// The sum over all boards: what the member can still spend.
    public var total: Int

    /// Memberwise.
    public init(byBoard: [PointsBoard: Int], total: Int) {
        self.byBoard = byBoard
        self.total = total
    }
}
