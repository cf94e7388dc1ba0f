import Foundation
import IntentParser
import TaskBoard

/// An action on an item, whether a chat message or a board button asked for it: the same
/// TaskBoard command, and the same words for the group. Refusals are thrown as `BoardError` and
/// turned into words by `refusal(_:)`, so the chat answers them and the board shows them.
struct ItemActions {
    let handler: MessageHandler
    let tx: BoardTransaction
    let actor: Member
    /// In chat the actor is @-mentioned in the answer; on the board the actor is not in the group,
    /// so the answer addresses the people the action concerns.
    let actorInChat: Bool

    private var renderer: ReplyRenderer { handler.renderer }
    private var labels: Labels { handler.renderer.labels }
    private var actorID: Int64 { actor.id ?? 0 }

    func claim(_ itemID: Int64) throws -> ReplyDraft {
        let outcome = try tx.claim(itemID: itemID, by: actorID)
        return try draft(
            .claimed,
            ClaimedView(
                item: itemID, name: actor.name, category: labels.category(outcome.item.category),
                place: try place(of: outcome.item), due: due(outcome.item.dueAt)), concerning: [])
    }

    func release(_ itemID: Int64) throws -> ReplyDraft {
        _ = try tx.release(itemID: itemID, by: actorID)
        return try draft(.released, ItemOnlyView(item: itemID), concerning: [])
    }

    func submit(_ itemID: Int64, note: String?, photoURLs: [String]) throws -> ReplyDraft {
        _ = try tx.submit(itemID: itemID, by: actorID, note: note, photoURLs: photoURLs)
        return try draft(
            .submitted, SubmittedView(item: itemID, photoCount: photoURLs.isEmpty ? nil : photoURLs.count),
            concerning: [])
    }

    func verify(_ itemID: Int64, note: String?) throws -> ReplyDraft {
        let outcome = try tx.verify(itemID: itemID, by: actorID, note: note)
        return try awardsDraft(.verified, outcome)
    }

    func returnItem(_ itemID: Int64, reason: String?) throws -> ReplyDraft {
        let outcome = try tx.returnItem(itemID: itemID, by: actorID, reason: reason)
        let claimant = try outcome.item.claimantID.flatMap { try tx.member(id: $0) }
        // The claimant is the one who must act, so they are addressed even when the actor is in chat.
        return ReplyDraft(
            text: try renderer.render(
                .returned,
                ReturnedView(item: itemID, claimant: claimant?.name ?? labels.word(.unknownName), reason: reason)),
            mentions: [claimant?.platformID].compactMap { $0 })
    }

    func escalate(_ itemID: Int64, to target: String?) throws -> ReplyDraft {
        let outcome = try tx.escalate(itemID: itemID, by: actorID, to: target)
        return try draft(.escalated, EscalatedView(item: itemID, target: target), concerning: [outcome.item.reporterID])
    }

    func resolve(_ itemID: Int64, note: String?) throws -> ReplyDraft {
        try awardsDraft(.resolved, try tx.resolve(itemID: itemID, by: actorID, note: note))
    }

    func assign(_ itemID: Int64, to assigneeID: Int64, note: String? = nil) throws -> ReplyDraft {
        let outcome = try tx.assign(itemID: itemID, to: assigneeID, by: actorID, note: note)
        let assignee = try tx.member(id: assigneeID)
        return try draft(
            .assigned,
            ClaimedView(
                item: itemID, name: assignee?.name ?? labels.word(.unknownName),
                category: labels.topic(of: outcome.item),
                place: try place(of: outcome.item), due: due(outcome.item.dueAt)),
            concerning: [assigneeID])
    }

    func cancel(_ itemID: Int64, reason: String?, invalid: Bool) throws -> ReplyDraft {
        let outcome = try tx.cancel(itemID: itemID, by: actorID, reason: reason, invalid: invalid)
        let penalty = outcome.awards.first.map { "\($0.delta)" }
        return try draft(
            .cancelled, CancelledView(item: itemID, reason: reason, penalty: penalty),
            concerning: [outcome.item.reporterID])
    }

    func merge(_ itemID: Int64, into target: Int64, note: String? = nil) throws -> ReplyDraft {
        let outcome = try tx.merge(itemID: itemID, into: target, by: actorID, note: note)
        return try draft(.merged, MergedView(item: itemID, into: target), concerning: [outcome.item.reporterID])
    }

    /// The words for a refusal, as the chat says them.
    func refusal(_ error: BoardError) throws -> ReplyDraft {
        switch error {
        case .noSuchItem(let item):
            try toActor(.refusedNoSuchItem, ItemOnlyView(item: item))
        case .noSuchMember:
            try toActor(.refusedNoSuchMember, EmptyView())
        case .alreadyClaimed(let item, let name):
            try toActor(.refusedAlreadyClaimed, NameRefusalView(item: item, name: name))
        case .alreadyYours(let item):
            try toActor(.refusedAlreadyYours, ItemOnlyView(item: item))
        case .notClaimant(let item, let name):
            try toActor(.refusedNotClaimant, ClaimantRefusalView(item: item, name: name))
        case .notAllowed(let action, let role):
            try toActor(
                .refusedNotAllowed, NotAllowedView(role: labels.role(role), action: labels.action(action)))
        case .wrongState(let item, let status, let action):
            try toActor(
                .refusedWrongState,
                WrongStateView(item: item, status: labels.status(status), action: labels.action(action)))
        case .tooManyClaims(let limit):
            try toActor(.refusedTooManyClaims, LimitView(limit: limit))
        case .ownItem(let item):
            try toActor(.refusedOwnItem, ItemOnlyView(item: item))
        case .insufficientBalance(let balance, let cost):
            try toActor(.refusedInsufficientBalance, BalanceView(balance: balance, cost: cost))
        case .invalidMerge(let item, let into):
            try toActor(.refusedInvalidMerge, MergeRefusalView(item: item, into: into))
        }
    }

    func place(of item: Item) throws -> String {
        try renderer.render(
            .place,
            PlaceView(
                hasAny: item.estate != nil || item.building != nil || item.landmark != nil, estate: item.estate,
                building: item.building, unit: item.unit, room: item.room, landmark: item.landmark))
    }

    func due(_ date: Date?) -> String {
        guard let date else { return "-" }
        return handler.config.format(date, pattern: labels.word(.dueFormat))
    }

    /// Verified or resolved: the awards are listed and everyone paid is mentioned.
    private func awardsDraft(_ template: ReplyTemplate, _ outcome: Outcome) throws -> ReplyDraft {
        var mentions: [String] = []
        var awards: [AwardView] = []
        for award in outcome.awards {
            awards.append(
                AwardView(
                    name: award.memberName, delta: award.delta > 0 ? "+\(award.delta)" : "\(award.delta)",
                    board: labels.board(award.board)))
            if let platformID = try tx.member(id: award.memberID)?.platformID, !mentions.contains(platformID) {
                mentions.append(platformID)
            }
        }
        return ReplyDraft(
            text: try renderer.render(template, VerifiedView(item: outcome.item.id ?? 0, awards: awards)),
            mentions: mentions)
    }

    private func draft(_ template: ReplyTemplate, _ view: Any, concerning memberIDs: [Int64]) throws -> ReplyDraft {
        var mentions = actorInChat ? [actor.platformID] : []
        for id in memberIDs where id != actorID {
            if let platformID = try tx.member(id: id)?.platformID, !mentions.contains(platformID) {
                mentions.append(platformID)
            }
        }
        return ReplyDraft(text: try renderer.render(template, view), mentions: mentions)
    }

    private func toActor(_ template: ReplyTemplate, _ view: Any) throws -> ReplyDraft {
        ReplyDraft(text: try renderer.render(template, view), mentions: [actor.platformID])
    }
}
