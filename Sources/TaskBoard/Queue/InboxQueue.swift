/// The inbox as the webhooks and the inbox worker see it: each call is one transaction of its own.
///
/// `BoardStore` implements it over SQLite. A second store (PostgreSQL through postgres-nio) implements
/// the same requirements, each as one statement or one `BEGIN … COMMIT`, and the server takes it as
/// `any InboxQueue` without a change. Handling a message is not here: its board change, replies and
/// inbox mark share one board transaction (`BoardQueue`, reached as `tx.queue`).
public protocol InboxQueue: Sendable {
    /// Stores an inbound message once, keyed by `(channel, platformMessageID)`: the row's id, and
    /// whether the message was stored already (a platform's retry, to answer without handling again).
    func storeInbox(channel: String, platformMessageID: String, groupID: String, senderID: String, payload: String)
        async throws -> (id: Int64, duplicate: Bool)

    /// Stores several arrivals in one transaction, so one durable commit serves them all (group
    /// commit): each is stored as `storeInbox` would, in order, so a repeat inside the batch is a
    /// duplicate of the first. One result per arrival, in the same order.
    func storeInbox(_ arrivals: [InboxArrival]) async throws -> [StoredArrival]

    /// Pending messages to handle now, in arrival order, their attempts counted under `CrashGuard`'s
    /// rule (a message that keeps killing the process is quarantined, not handed out again).
    func claimInbox(limit: Int) async throws -> Claim<InboxMessage>

    /// Records how handling a message ended when no board transaction did it (the handler threw and
    /// its transaction rolled back); processing time is the store's now.
    func markInbox(id: Int64, state: InboxState, error: String?) async throws
}
