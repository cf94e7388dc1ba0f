import GRDB

/// Where a photo's download is, so a photo is stored or visibly failed, after restarts too.
public enum PhotoStatus: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    /// Waiting for its next attempt at `nextAttemptAt`.
    case pending
    /// Downloaded; `localPath` names the copy.
    case stored
    /// Given up (a refusal, or the last attempt failed); `lastError` says why.
    case failed
}
