/// The outbox as the reply sender and the passive-answering webhooks see it: each call is one
/// transaction of its own, times measured on the store's clock (the one due times are written in).
///
/// `BoardStore` implements it over SQLite; a PostgreSQL store implements the same requirements and
/// plugs into the server as `any OutboxQueue`. Replies are queued inside the board transaction that
/// caused them (`tx.queue.enqueueReply`), never through here.
public protocol OutboxQueue: Sendable {
    /// Replies due for sending now, in queue order, their attempts counted as begun under
    /// `CrashGuard`'s rule.
    func claimOutbox(limit: Int) async throws -> Claim<OutboxMessage>

    /// The platform accepted the reply.
    func markSent(outboxID: Int64) async throws

    /// A sending attempt failed: it is counted with its error and retried `retryAfter` seconds from
    /// now, or given up (failed, visible on the board) when that is nil.
    func markAttemptFailed(outboxID: Int64, error: String, retryAfter: Double?) async throws

    /// Seconds until the earliest pending reply is due (zero or less: due now); nil when none waits.
    func secondsUntilNextOutbox() async throws -> Double?

    /// Takes a message's replies for a webhook answering passively: pending ones are marked sent so
    /// the sender never sends them too; sent ones come back for a platform's retry; failed ones do not.
    func claimPassiveReplies(inboxID: Int64) async throws -> [OutboxMessage]
}
