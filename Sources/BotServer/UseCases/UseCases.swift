import TaskBoard

/// What every caller of a use case shares — chat, board, API and schedule: the routing of places,
/// the words, and the outbox. `commands(in:by:)` gives the use cases for one transaction and actor.
struct UseCases: Sendable {
    let router: PlaceRouter
    let replies: Replies
    let queue: ReplyQueue

    func commands(in tx: BoardTransaction, by actor: Member) -> Commands {
        Commands(
            tx: tx, router: router, actor: actor, registration: replies.config.registration,
            escalation: replies.config.escalation,
            duplicates: replies.config.duplicates,

            wishApproval: replies.config.wishes.approval)
    }

    /// What the other groups hear of a use case: the reporter's, the claimant's, the members'.
    var notices: Notices { Notices(replies: replies) }
}
