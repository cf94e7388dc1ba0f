/// The lines of a group's chat after a cursor, in the order a reader sees them, and where to go on.
public struct TranscriptPage: Sendable, Equatable {
    public var lines: [TranscriptLine]
    /// Pass back to get what follows.
    public var cursor: TranscriptCursor
    /// More lines were already there than one page holds: ask again at once.
    public var more: Bool
}
