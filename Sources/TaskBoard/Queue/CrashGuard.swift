/// How the three work queues (inbox, outbox, photos) survive work that kills the process.
///
/// Each claim counts an attempt as begun before the work starts. A row picked again with attempts
/// begun but never finished was being worked on when the process died: it is then worked on alone,
/// so a crash is pinned on exactly one row, and once it has died `maxCrashes` times it is quarantined
/// (failed, with `reason`) and the rows behind it go on.
public enum CrashGuard {
    /// Unfinished attempts after which a row is set aside.
    public static let maxCrashes = 3

    /// The error text a quarantined row carries.
    public static let reason = "crashed during processing"
}

/// The rows a worker may now work on, and the rows set aside on the way.
public struct Claim<Row: Sendable>: Sendable {
    /// Claimed rows, attempt counted, in queue order.
    public var rows: [Row]
    /// Row ids quarantined by this claim.
    public var quarantined: [Int64]
}
