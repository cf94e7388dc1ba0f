/// Where a reader of a group's transcript stopped: the last inbox row and the last outbox row it has
/// seen. Two ids, because messages and replies live in two tables and a reply may be sent after
/// later messages arrived.
public struct TranscriptCursor: Sendable, Equatable, LosslessStringConvertible {
    public var inbox: Int64
    public var outbox: Int64

    /// Before everything.
    public static let start = TranscriptCursor(inbox: 0, outbox: 0)

    public init(inbox: Int64, outbox: Int64) {
        self.inbox = inbox
        self.outbox = outbox
    }

    /// `"12.30"`, the form a client passes back; nil for anything else.
    public init?(_ description: String) {
        let parts = description.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let inbox = Int64(parts[0]), let outbox = Int64(parts[1]), inbox >= 0, outbox >= 0
        else { return nil }
        self.init(inbox: inbox, outbox: outbox)
    }

    public var description: String { "\(inbox).\(outbox)" }
}
