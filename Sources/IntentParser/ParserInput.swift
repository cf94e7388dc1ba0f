/// One message as the parser sees it: no clock, no I/O, everything it may use is here.
public struct ParserInput: Sendable, Equatable {
    /// The message text as sent (may be empty for a photo).
    public var text: String
    /// Who sent it: decides e.g. complete (member) vs verify (secretary).
    public var senderRole: SenderRole
    /// Photos and shared locations sent with it.
    public var attachments: [Attachment]

    /// Builds an input; role and attachments default to unknown / none.
    public init(text: String, senderRole: SenderRole = .unknown, attachments: [Attachment] = []) {
        self.text = text
        self.senderRole = senderRole
        self.attachments = attachments
    }
}

/// The sender's role as the corpus labels it; the server maps its member roles onto these.
public enum SenderRole: String, Sendable, Codable, CaseIterable {
    case rider, member, secretary, resident, unknown
}

/// A photo or a shared location that came with a message.
public enum Attachment: Sendable, Equatable, Codable {
    case image(url: String)
    case location(lat: Double, lon: Double, label: String?)
}
