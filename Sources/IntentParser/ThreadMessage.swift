/// One message of a group-chat sequence, for `IntentParser.records(for:)`:
/// WeChat sends a photo, a location and the text as separate messages, and the
/// board needs them put back together.
public struct ThreadMessage: Sendable, Equatable {
    /// Stable id of the sender (WeChat id); messages of different senders never merge.
    public var sender: String
    /// The sender's role.
    public var role: SenderRole
    /// Send time in seconds (any epoch; only differences matter).
    public var ts: Double
    /// The text; empty for a photo- or location-only message.
    public var text: String
    /// Photos and shared locations of this message.
    public var attachments: [Attachment]

    /// Builds a message with a time in seconds as a Double (`TimeInterval`).
    public init(sender: String, role: SenderRole, ts: Double, text: String, attachments: [Attachment] = []) {
        self.sender = sender
        self.role = role
        self.ts = ts
        self.text = text
        self.attachments = attachments
    }

    /// Builds a message with a Unix time in whole seconds.
    public init(sender: String, role: SenderRole, ts: Int64, text: String, attachments: [Attachment] = []) {
        self.init(sender: sender, role: role, ts: Double(ts), text: text, attachments: attachments)
    }
}
