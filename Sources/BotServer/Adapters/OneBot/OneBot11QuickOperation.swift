/// The JSON a v11 HTTP POST handler may answer with to reply at once ("quick operation").
///
/// `at_sender` defaults to *true* in the spec, which would prepend a second @ to a reply that already
/// mentions people, so it is always written out (protocols.md §5.8).
struct OneBot11QuickOperation: Sendable, Equatable, Encodable {
    /// Our own @-mentions and text.
    var reply: [OneBot11Segment]
    /// Written out on every answer; see the type's note.
    var atSender: Bool

    enum CodingKeys: String, CodingKey {
        case reply
        case atSender = "at_sender"
    }

    /// A reply with our own mentions and text, with the implementation's automatic @ turned off.
    init(text: String, mentions: [String] = [], atSender: Bool = false) {
        reply = OneBot11SendMessage.segments(text: text, mentions: mentions)
        self.atSender = atSender
    }
}
