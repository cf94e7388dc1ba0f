/// The simulator's "platform API": the chat page reads sent replies back from the outbox, so
/// delivering is simply succeeding, and the outbox marks the reply sent like any other.
struct SimReplySender: ReplySender {
    func send(_ reply: OutboundReply) async throws {}
}
