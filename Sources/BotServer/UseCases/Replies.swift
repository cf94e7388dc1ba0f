import Foundation
import TaskBoard

/// The words people read after a use case or a refusal, from `templates/replies/`: one typed
/// method per kind of reply, wherever the action came from.
struct Replies: Sendable {
    let renderer: ReplyRenderer
    let config: AppConfig
    /// The point rules in force (a receipt says what verification will pay).
    let rules: PointRules
    /// How the groups see a wish's beneficiary and words (`wishes:` and the lexicon's surnames), built
    /// once: every wish reply and each line of the weekly list reads it.
    let wishPrivacy: WishPrivacy

    var labels: Labels { renderer.labels }

    /// Who hears a reply: in chat the actor is @-mentioned first; on the board the actor is not in
    /// the group, so only the people the action concerns are.
    enum Audience: Sendable {
        case chat
        case board
    }

    /// The group's words for what happened.
    func reply(to happened: Happened, by actor: Member, in audience: Audience) throws -> ReplyDraft {
        let to = Addressing(actor: actor, audience: audience)
        switch happened {
        case .filed(let item, let route, let awards):
            return try receipt(item, route: route, awards: awards, reporter: actor)
        case .claimed(let item, let claimant):
            return to.concerning(
                [], try render(.claimed, ClaimedView(item, name: claimant.name, replies: self)))
        case .expired(let item, let formerClaimant):
            return try expired(item, formerClaimant: formerClaimant)
        case .released(let item):
            return to.concerning([], try render(.released, ItemOnlyView(item: item.number)))
        case .submitted(let item, let photos):
            return to.concerning(
                [], try render(.submitted, SubmittedView(item: item.number, photoCount: photos > 0 ? photos : nil)))
        case .verified(let item, let paid):
            return try awards(.verified, item, paid)
        case .resolved(let item, let paid):
            return try awards(.resolved, item, paid)
        case .adopted(let item, let paid):
            return try awards(.adopted, item, paid)
        case .returned(let item, let claimant, let reason):
            // The claimant is the one who must act, so they are addressed even when the actor is in chat.
            let view = ReturnedView(
                item: item.number, claimant: claimant?.name ?? labels.word(.unknownName), reason: reason)
            return ReplyDraft(text: try render(.returned, view), mentions: [claimant?.platformID].compactMap { $0 })
        case .escalated(let item, let request, let reporter):
            return to.concerning([reporter], try escalated(item, request: request))
        case .departmentAnswered(let item, let answer, let reporter):
            return to.concerning([reporter], try departmentAnswered(item, answer: answer))
        case .chased(let item, let request, let at):
            // With a contact group the department hears the chase there (`Notices`); without, the
            // secretary gets the words to pass on.
            if config.escalation.department(of: item.escalatedTo)?.group != nil {
                return to.concerning([], try chaseSent(item))
            }
            return to.concerning([], try chase(item, request: request, now: at))
        case .assigned(let item, let assignee):
            return to.concerning(
                [assignee], try render(.assigned, ClaimedView(item, name: assignee.name, replies: self)))
        case .cancelled(let item, let reason, let penalty, let reporter):
            let view = CancelledView(item: item.number, reason: reason, penalty: penalty.map { "\($0.delta)" })
            return to.concerning([reporter], try render(.cancelled, view))
        case .merged(let item, let target, let reporter):
            return to.concerning([reporter], try render(.merged, MergedView(item: item.number, into: target)))
        case .located(let item, let route, let reporter):
            let view = LocatedView(
                item: item.number, place: try place(of: item),
                grid: route.gridName ?? labels.word(.communityGrid))
            return to.concerning([reporter], try render(.located, view), also: route.workers.map(\.platformID))
        case .photosAdded(let itemID, let count):
            return to.concerning([], try render(.photosAdded, PhotosAddedView(item: itemID, count: count)))
        case .registered(let member):
            let view = RegisteredView(
                name: member.name, role: labels.role(member.role),
                awaitingApproval: config.registration.awaitsApproval(member))
            return to.concerning([], try render(.registered, view))
        case .exchanged(let member, let goods, let cost):
            return to.concerning([member], labels.say(.exchanged(name: member.name, goods: goods, points: cost)))
        case .joined(let item, _):
            return to.concerning([], try render(.joined, ItemOnlyView(item: item.number)))
        case .reopened(let item, let route, let formerClaimant, let reporter):
            return try brokenAgain(item, route: route, formerClaimant: formerClaimant, reporter: reporter, to: to)
        case .split(let item, let route, let from, let awards, let reporter):
            return try split(item, route: route, from: from, awards: awards, reporter: reporter)
        case .donated(let member, let amount, let pool):
            let view = DonatedView(name: member.name, amount: amount, pool: labels.word(.creditBank), balance: pool)
            return to.concerning([], try render(.donated, view))
        case .approvedWish(let item, _, let reporter):
            return to.concerning([reporter], try render(.wishApproved, ItemOnlyView(item: item.number)))
        }
    }

    /// A reply to the sender alone (answers to questions, hints).
    func toSender(_ sender: Member, _ template: ReplyTemplate, _ view: Any) throws -> ReplyDraft {
        ReplyDraft(text: try render(template, view), mentions: [sender.platformID])
    }

    /// The item's place in words ("龙西小区12栋"), as every reply shows it.
    func place(of item: Item) throws -> String {
        let location = item.location
        return try render(
            .place,
            PlaceView(
                hasAny: location.namesAPlace || location.building != nil, estate: location.estate,
                building: location.building, unit: location.unit, room: item.kind == .wish ? nil : location.room,
                landmark: location.landmark))
    }

    /// A deadline as the community writes it; "-" for none.
    func due(_ date: Date?) -> String {
        guard let date else { return "-" }
        return config.format(date, pattern: labels.word(.dueFormat))
    }

    func render(_ template: ReplyTemplate, _ view: Any) throws -> String {
        try renderer.render(template, view)
    }

    /// A receipt always addresses the reporter, also for a report the secretary filed for them.
    func receipt(_ item: Item, route: Route, awards: [Award], reporter: Member) throws -> ReplyDraft {
        let points = awards.filter { $0.memberID == reporter.id }.reduce(0) { $0 + $1.delta }
        let to = Addressing(actor: reporter, audience: .chat)
        switch item.kind {
        case .wish:
            // The receipt echoes the wish as every group sees it: no full name, phone or room.
            return to.concerning([], try render(.receiptWish, try WishView(item, replies: self)))
        case .suggestion:
            let view = SuggestionReceiptView(item: item.number, points: points > 0 ? points : nil)
            return to.concerning([], try render(.receiptSuggestion, view))
        case .issue:
            let view = ReceiptView(
                item: item.number, category: labels.category(item.category), place: try place(of: item),
                grid: route.gridName ?? labels.word(.communityGrid),
                gridWorkerNames: route.workers.isEmpty ? nil : route.workers.map(\.name).joined(separator: "、"),
                due: due(item.dueAt), points: points > 0 ? points : nil,
                pointsOnVerify: rules.reportVerified(for: item.category),
                missingPlace: !item.location.namesAPlace && item.lat == nil)
            return to.concerning([], try render(.receipt, view), also: route.workers.map(\.platformID))
        }
    }

    /// Verified, resolved or adopted: the awards are listed and everyone paid is mentioned.
    private func awards(_ template: ReplyTemplate, _ item: Item, _ paid: Paid) throws -> ReplyDraft {
        let awards = paid.awards.map {
            AwardView(
                name: $0.memberName, delta: $0.delta > 0 ? "+\($0.delta)" : "\($0.delta)",
                board: labels.board($0.board))
        }
        return ReplyDraft(
            text: try render(template, VerifiedView(item: item.number, awards: awards)),
            mentions: paid.members.map(\.platformID))
    }
}

/// Who a reply @-mentions: the actor first when they are in the chat, then the people concerned,
/// each once, never the actor twice.
struct Addressing {
    let actor: Member
    let audience: Replies.Audience

    func concerning(_ members: [Member?], _ text: String, also platformIDs: [String] = []) -> ReplyDraft {
        var mentions = audience == .chat ? [actor.platformID] : []
        for id in members.compactMap({ $0?.platformID }) + platformIDs
        where id != actor.platformID && !mentions.contains(id) {
            mentions.append(id)
        }
        return ReplyDraft(text: text, mentions: mentions)
    }
}

extension Item {
    /// The number people quote ("#12").
    var number: Int64 { id ?? 0 }
}

extension ClaimedView {
    /// A claim or an assignment: who holds which item, where, and by when.
    init(_ item: Item, name: String, replies: Replies) throws {
        self.init(
            item: item.number, name: name, category: replies.labels.topic(of: item),
            place: try replies.place(of: item), due: replies.due(item.dueAt))
    }
}
