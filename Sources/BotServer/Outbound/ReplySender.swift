/// Delivers one reply to a platform; throwing means "try again later".
protocol ReplySender: Sendable {
    func send(_ reply: OutboundReply) async throws
}

/// A delivery failure with what the platform said, for the outbox's `last_error`.
struct ReplySendError: Error, CustomStringConvertible {
    var status: Int?
    var detail: String
    /// No retry can help (the channel has no way to send later): the reply is marked failed at once.
    var permanent = false

    var description: String {
        if let status { return "HTTP \(status): \(detail)" }
        return detail
    }
}
