import TaskBoard

extension CalendarJobs {
    /// The weekly 微心愿: the list to the members' groups, and to the secretaries what was sent, which
    /// wishes wait too long and how many still wait for approval. A week with nothing to say sends nothing.
    func publishWishes(_ tx: BoardTransaction) throws -> Int {
        let replies = useCases.replies
        let publication = try useCases.commands(in: tx, by: .calendar).publishWishes(config.wishes)
        var queued = 0
        if let list = try replies.wishList(publication) {
            queued += try useCases.queue.toMembers(list, about: nil, tx: tx)
        }
        guard !publication.wishes.isEmpty || publication.awaitingApproval > 0 else { return queued }
        let summary = try replies.wishPublication(publication, secretaries: config.people.secretaries.map(\.id))
        return queued + (try useCases.queue.notify(summary, tx: tx))
    }
}
