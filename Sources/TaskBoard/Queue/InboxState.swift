import GRDB

/// Where an inbound message is in its processing, so a restart resumes the pending ones.
public enum InboxState: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    /// Stored and acknowledged, not yet handled.
    case pending
    /// Handled: its board command ran and its replies are queued.
    case processed
    /// Could not be handled; `error` says why, and it stays visible instead of retrying forever.
    case failed
}
