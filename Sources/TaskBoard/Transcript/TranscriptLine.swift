import Foundation

/// One line of a group's chat as stored: a message that came in, or a reply that was sent. The
/// payload is the server's JSON, passed through as it was stored.
public struct TranscriptLine: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// An inbox row (a group member's message).
        case message
        /// A sent outbox row (the bot's reply).
        case reply
    }

    public var kind: Kind
    /// The inbox or outbox row id.
    public var rowID: Int64
    /// Who sent a message; nil for replies.
    public var senderID: String?
    public var payload: String
    /// When a message was received, or when a reply was sent.
    public var at: Date

    public init(kind: Kind, rowID: Int64, senderID: String?, payload: String, at: Date) {
        self.kind = kind
        self.rowID = rowID
        self.senderID = senderID
        self.payload = payload
        self.at = at
    }
}
