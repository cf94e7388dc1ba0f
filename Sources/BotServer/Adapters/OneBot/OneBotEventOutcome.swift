/// What one OneBot event means for us: a message to store, or a known reason to do nothing.
///
/// Bridges post heartbeats, notices and requests to the same URL as messages; those are normal traffic,
/// so they get their own case (the HTTP layer answers 204) instead of an error (which would be a 400).
enum OneBotEventOutcome: Sendable, Equatable {
    /// Store it in the inbox.
    case message(OneBotInbound)
    /// Answer 204 and log the reason.
    case ignored(OneBotIgnoreReason)

    /// The mapped message, or nil when the event is ignored.
    var inbound: OneBotInbound? {
        if case .message(let inbound) = self { inbound } else { nil }
    }
}
