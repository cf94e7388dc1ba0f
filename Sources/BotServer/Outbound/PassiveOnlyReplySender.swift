/// The outbox side of WeChat Official Account and WeCom app chats: their replies travel in the
/// webhook's HTTP answer. A reply that reaches the outbox missed that answer, and sending it later
/// needs the customer-service API (credentials not configured), so it fails visibly at once.
struct PassiveOnlyReplySender: ReplySender {
    var channel: String

    func send(_ reply: OutboundReply) async throws {
        throw ReplySendError(
            status: nil,
            detail: "reply could not be delivered in time: channel \(channel) answers only within the webhook",
            permanent: true)
    }
}
