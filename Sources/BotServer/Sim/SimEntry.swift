import Foundation

/// One bubble of the simulated chat, as `GET /sim/messages` returns it.
struct SimEntry: Sendable, Encodable, Equatable {
    enum Kind: String, Sendable, Encodable {
        case user, bot
    }

    /// Stable across polls (`m12` for inbox row 12, `r30` for outbox row 30), so the page never
    /// shows a bubble twice.
    var id: String
    var kind: Kind
    /// The sender's name (the bot's for replies).
    var sender: String
    /// Whose message it is, so the page can put the current persona's on the right; nil for replies.
    var senderID: String?
    var text: String
    /// Sample photo file names, shown from `/sim/photos/NAME`.
    var photos: [String]
    /// A shared location's label.
    var location: String?
    /// Names of the people a reply @-mentions.
    var mentions: [String]
    var time: Date
    /// `HH:mm` in the community's time zone.
    var clock: String
}

/// The answer of `GET /sim/messages`.
struct SimTranscriptBody: Sendable, Encodable {
    var group: String
    var entries: [SimEntry]
    /// Pass back as `after` to get what follows.
    var cursor: String
    /// More were already waiting than one answer holds: ask again at once.
    var more: Bool
}

/// The answer of `POST /sim/messages`.
struct SimPostAck: Sendable, Encodable {
    var ok: Bool
    var messageID: String
    var inboxID: Int64
}
