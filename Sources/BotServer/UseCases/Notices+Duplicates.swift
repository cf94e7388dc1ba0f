import TaskBoard

/// Who else hears of duplicates: the reporters joined to an item when it closes (each once), and
/// for a reopened item its former claimant and the members' groups, where it is open to claim again.
extension Notices {
    func duplicateNotices(of happened: Happened, by actor: Member, plan: inout NoticePlan, tx: BoardTransaction)
        throws
    {
        switch happened {
        case .verified(let item, _), .resolved(let item, _):
            try joinedNews(of: item, by: actor, notices: &plan.notices, tx: tx)
        case .reopened(let item, _, let formerClaimant, _):
            if let formerClaimant, formerClaimant.id != actor.id {
                try tellWhereTheyLastSpoke(
                    formerClaimant, try replies.reply(to: happened, by: actor, in: .board), plan: &plan, tx: tx)
            }
            announce(try replies.reopened(item), plan: &plan)
        case .split(let item, let route, _, _, _):
            try announce(item, route: route, plan: &plan, tx: tx)
        default:
            break
        }
    }

    /// "您反映的问题（与 #3 是同一件事）已办结": once per joined reporter who has not heard otherwise (the
    /// actor, the item's reporter and the reporters of merged duplicates have), in the group they
    /// reported from, as merged duplicates' reporters hear it: words of their own (not the item
    /// reporter's "+2"), one message per group naming everyone joined there.
    private func joinedNews(of item: Item, by actor: Member, notices: inout [Notice], tx: BoardTransaction) throws {
        let waiting = try tx.takeJoinedReportsToNotify(of: item.number)
        guard !waiting.isEmpty else { return }
        var told: Set<Int64> = [item.reporterID]
        if let id = actor.id { told.insert(id) }
        for duplicate in try tx.duplicates(of: item.number) { told.insert(duplicate.reporterID) }
        let closed = try replies.joinedClosed(item)
        let reporters = try tx.membersByID(waiting.map(\.reporterID))
        for report in waiting where !told.contains(report.reporterID) {
            guard let reporter = reporters[report.reporterID], let source = report.source,
                replies.config.group(channel: source.channel, id: source.group) != nil
            else { continue }
            let group = ChatGroup(channel: source.channel, id: source.group)
            if let index = notices.firstIndex(where: { $0.group == group && $0.draft.text == closed.text }) {
                notices[index].draft.mention(reporter.platformID)
            } else {
                notices.append(
                    Notice(group: group, draft: closed.mentioning(reporter.platformID), inReplyTo: source.messageID))
            }
        }
    }
}
