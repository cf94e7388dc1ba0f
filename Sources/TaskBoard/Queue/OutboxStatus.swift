import GRDB

/// Where a queued reply is, so a reply is sent or visibly failed, after restarts too.
public enum OutboxStatus: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    /// Waiting for its next attempt at `nextAttemptAt`.
    case pending
    /// Accepted by the platform.
    case sent
    /// Given up after its last attempt; `lastError` says why.
    case failed
}
