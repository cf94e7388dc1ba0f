/// Errors of the queue bookkeeping, kept apart from `BoardError` so the server's exhaustive
/// mapping of board refusals does not change. These mean a programming error, not a user's mistake.
public enum StoreError: Error, Equatable, Sendable {
    /// No inbox row has this id.
    case noSuchInboxMessage(Int64)
    /// No outbox row has this id.
    case noSuchOutboxMessage(Int64)
    /// No photo row has this id.
    case noSuchPhoto(Int64)
    /// A points amount must be positive (exchange, donation) or non-zero (adjustment).
    case invalidAmount(Int)
}
