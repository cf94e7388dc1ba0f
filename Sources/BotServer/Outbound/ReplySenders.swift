/// Picks the sender for a reply's channel; a channel with none configured fails loudly in the outbox.
struct ReplySenders: Sendable {
    var byChannel: [String: any ReplySender]

    func sender(for channel: String) -> (any ReplySender)? {
        byChannel[channel]
    }
}
