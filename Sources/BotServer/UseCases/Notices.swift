import TaskBoard

/// Who else hears of what a use case did, besides the one who asked, whoever acted and wherever:
/// the reporter in the group the report came from, the claimant where they last spoke when the
/// words concern them, and every members' group when there is new work to claim. A group hears an
/// event once: where the answer already went, the people it concerns are @-mentioned in the answer
/// instead of getting a second message.
struct Notices: Sendable {
    let replies: Replies

    private var config: AppConfig { replies.config }

    /// A chat answer given in `group`, with the people of that group it concerns @-mentioned and the
    /// other groups' words attached (`ReplyQueue` sends them right after it).
    func spread(
        _ happened: Happened, by actor: Member, answer: ReplyDraft, in group: ChatGroup, tx: BoardTransaction
    ) throws -> ReplyDraft {
        var answer = answer
        let plan = try notices(of: happened, by: actor, answered: group, tx: tx)
        for id in plan.mentions { answer.mention(id) }
        answer.notices += plan.notices
        return answer
    }

    /// What the groups hear of an action nobody answered in chat (a board button): every notice.
    func notices(of happened: Happened, by actor: Member, tx: BoardTransaction) throws -> [Notice] {
        try notices(of: happened, by: actor, answered: nil, tx: tx).notices
    }

    private func notices(
        of happened: Happened, by actor: Member, answered: ChatGroup?, tx: BoardTransaction
    ) throws -> (mentions: [String], notices: [Notice]) {
        guard let item = happened.item else { return ([], []) }
        var plan = NoticePlan(item: item, origin: item.origin(in: config), answered: answered)

        if let reporter = try tx.member(id: item.reporterID), reporter.id != actor.id, let origin = plan.origin,
            let news = try reporterNews(happened, reporter: reporter, actor: actor)
        {
            if origin == answered { plan.mentions.append(reporter.platformID) } else { plan.add(origin, news) }
        }

        // Reporters of duplicates merged into it hear when it closes ("办结后会通知您"), by their own number.
        if case .verified = happened { plan.notices += try duplicateNews(of: item, by: actor, tx: tx) }
        if case .resolved = happened { plan.notices += try duplicateNews(of: item, by: actor, tx: tx) }
        if let news = try departmentNews(happened), !plan.told(news.group) { plan.notices.append(news) }

        if let claimantID = item.claimantID, claimantID != actor.id, let claimant = try tx.member(id: claimantID) {
            try tellWhereTheyLastSpoke(
                claimant, try replies.reply(to: happened, by: actor, in: .board), plan: &plan, tx: tx)
        }

        if case .filed(let filed, let route, _) = happened, filed.isNewWork {
            try announce(filed, route: route, plan: &plan, tx: tx)
        }
        try duplicateNotices(of: happened, by: actor, plan: &plan, tx: tx)
        if let publication = try wishNews(happened, tx: tx) {
            // A wish approved or fulfilled is news for every members' group, the one that answered too.
            // Where the reporter already hears of the approval, the announcement takes its place,
            // mentioning them; 晒单 is a publication of its own, with its photo, beside what was said.
            for group in config.membersGroups(for: item) {
                if case .approvedWish = happened, let index = plan.notices.firstIndex(where: { $0.group == group }) {
                    var merged = publication
                    for id in plan.notices[index].draft.mentions { merged.mention(id) }
                    plan.notices[index].draft = merged
                } else {
                    plan.add(group, publication)
                }
            }
        }
        return (plan.mentions, plan.notices)
    }

    /// Someone an event concerns (the claimant, a reopened item's former claimant) hears `full` where
    /// they last spoke, when those words name them: @-mentioned in the answer when that is where,
    /// merged into what that group already hears (the whole story, once, to all named), else alone.
    func tellWhereTheyLastSpoke(
        _ person: Member, _ full: ReplyDraft, plan: inout NoticePlan, tx: BoardTransaction
    ) throws {
        guard full.mentions.contains(person.platformID), let last = try tx.lastGroup(ofSender: person.platformID),
            config.group(channel: last.channel, id: last.groupID) != nil
        else { return }
        let group = ChatGroup(channel: last.channel, id: last.groupID)
        if let index = plan.notices.firstIndex(where: { $0.group == group }) {
            var merged = full
            for id in plan.notices[index].draft.mentions { merged.mention(id) }
            plan.notices[index].draft = merged
        } else if group == plan.answered {
            plan.mention(person.platformID)
        } else {
            plan.add(group, full)
        }
    }

    /// New work, or work open again, told to every members' group that has not heard of it yet, with
    /// the item's first photo where the platform can show one.
    func announce(_ item: Item, route: Route, plan: inout NoticePlan, tx: BoardTransaction) throws {
        try announce(
            replies.announcement(of: item, route: route, photo: try tx.firstPhoto(of: item.number)), plan: &plan)
    }

    /// `draft` to every members' group that has not heard of the item yet.
    func announce(_ draft: ReplyDraft, plan: inout NoticePlan) {
        for group in config.membersGroups(for: plan.item) where !plan.told(group) {
            plan.add(group, draft)
        }
    }

    /// The reporter's words for an event they should hear of; nil for one that is not theirs
    /// (a release, a submission, a photo).
    private func reporterNews(_ happened: Happened, reporter: Member, actor: Member) throws -> ReplyDraft? {
        let words: String
        switch happened {
        case .claimed(let item, let claimant):
            words = try replies.render(
                .reporterClaimed, ReporterClaimedView(item, name: claimant.name, assigned: false, replies: replies))
        case .assigned(let item, let assignee):
            words = try replies.render(
                .reporterClaimed, ReporterClaimedView(item, name: assignee.name, assigned: true, replies: replies))
        case .returned(let item, _, let reason):
            words = try replies.render(.reporterReturned, ReporterReturnedView(item: item.number, reason: reason))
        case .verified(let item, let paid), .resolved(let item, let paid):
            let points = paid.awards.filter { $0.memberID == reporter.id }.reduce(0) { $0 + $1.delta }
            words = try replies.render(
                .reporterClosed, ReporterClosedView(item: item.number, points: points > 0 ? "+\(points)" : nil))
        case .escalated, .cancelled, .merged, .adopted, .located, .departmentAnswered, .approvedWish:
            // Their own words already speak to the reporter.
            var draft = try replies.reply(to: happened, by: actor, in: .board)
            draft.mention(reporter.platformID)
            return draft
        case .reopened, .split:
            return try replies.reply(to: happened, by: actor, in: .board).mentioning(reporter.platformID)
        case .filed, .released, .expired, .submitted, .photosAdded, .registered, .exchanged, .chased, .joined, .donated:
            return nil
        }
        return ReplyDraft(text: words, mentions: [reporter.platformID])
    }

    /// "您反映的 #3（并入 #1）已办结": one notice per duplicate whose reporter is neither the one who
    /// acted nor the closed item's reporter (who hears of it anyway), in the duplicate's own group.
    private func duplicateNews(of item: Item, by actor: Member, tx: BoardTransaction) throws -> [Notice] {
        try tx.duplicates(of: item.number).compactMap { duplicate in
            guard duplicate.reporterID != actor.id, duplicate.reporterID != item.reporterID,
                let reporter = try tx.member(id: duplicate.reporterID), let group = duplicate.origin(in: config)
            else { return nil }
            let view = ReporterClosedView(item: duplicate.number, points: nil, into: item.number)
            return Notice(
                group: group,
                draft: ReplyDraft(text: try replies.render(.reporterClosed, view), mentions: [reporter.platformID]),
                inReplyTo: duplicate.sourceMessageID)
        }
    }
}

/// Who hears what of one event, as it is gathered: the people @-mentioned in the answer, and the words
/// for other groups. A group hears an event once.
struct NoticePlan {
    let item: Item
    /// The group the item came from, where its reporter hears of it.
    let origin: ChatGroup?
    /// The group the chat answer goes to; nil for a board action.
    let answered: ChatGroup?
    var mentions: [String] = []
    var notices: [Notice] = []

    /// Whether the group already hears of the event (the answer, or a notice).
    func told(_ group: ChatGroup) -> Bool { group == answered || notices.contains { $0.group == group } }

    /// Words for `group`, quoting the report where the group is the one it came from.
    mutating func add(_ group: ChatGroup, _ draft: ReplyDraft) {
        notices.append(Notice(group: group, draft: draft, inReplyTo: group == origin ? item.sourceMessageID : nil))
    }

    mutating func mention(_ platformID: String) {
        if !mentions.contains(platformID) { mentions.append(platformID) }
    }
}

/// Words for another group about the same event, queued right after the answer that caused them.
struct Notice: Sendable, Equatable {
    var group: ChatGroup
    var draft: ReplyDraft
    /// The report's own message, when the notice goes to the group it came from.
    var inReplyTo: String?
}

/// One chat group on one channel.
struct ChatGroup: Sendable, Equatable {
    var channel: String
    var id: String
}

extension AppConfig {
    /// The members' groups that hear of new work: the simulator's for an item filed there, the
    /// platforms' otherwise (never a wildcard entry, which names no group to post to).
    func membersGroups(for item: Item?) -> [ChatGroup] {
        membersGroups(heardOn: item?.sourceChannel)
    }

    /// The members' groups of the simulator for words said there, the platforms' otherwise.
    func membersGroups(heardOn channel: String?) -> [ChatGroup] {
        let groups = channel == SimChannel.id ? simGroups : self.groups
        return groups.filter { $0.role == .members && $0.id != "*" }.map { ChatGroup(channel: $0.channel, id: $0.id) }
    }
}

extension Item {
    /// The configured group the item came from, where its reporter hears of it.
    func origin(in config: AppConfig) -> ChatGroup? {
        guard let channel = sourceChannel, let group = sourceGroup, config.group(channel: channel, id: group) != nil
        else { return nil }
        return ChatGroup(channel: channel, id: group)
    }

    /// An issue or wish open to claim: what members are told of and can ask for.
    var isNewWork: Bool {
        (kind == .issue || kind == .wish) && status == .open && isApproved
    }
}

extension ReplyDraft {
    /// Adds someone to the @-mentions, once.
    mutating func mention(_ platformID: String) {
        if !mentions.contains(platformID) { mentions.append(platformID) }
    }
}

extension ReplyQueue {
    /// Queues what other groups hear of an action nobody answered in chat (a board button).
    func send(_ notices: [Notice], tx: BoardTransaction) throws {
        for notice in notices {
            try announce(
                [notice.draft], channel: notice.group.channel, groupID: notice.group.id, inReplyTo: notice.inReplyTo,
                tx: tx)
        }
    }
}
