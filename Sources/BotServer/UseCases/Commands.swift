import Foundation
import TaskBoard

/// The use cases, one method each, called alike by the chat, the board and the scheduler: each
/// routes what it is given, runs the TaskBoard command inside the caller's transaction (which
/// decides and refuses with `BoardError`) and returns what happened, with the people its replies
/// name already looked up. No words here: `Replies` renders them.
struct Commands {
    let tx: BoardTransaction
    let router: PlaceRouter
    /// Who acts: the sender of a message, or the member behind a board account.
    let actor: Member
    /// 报到 first: who may claim before registering.
    var registration = RegistrationRule()
    /// 吹哨报到: the departments and levels.
    var escalation = EscalationSettings()
    /// When a report joins an open item, and how long a closed one can be reopened.
    var duplicates = DuplicateRule()
    /// 微心愿: a wish waits for the secretary's approval before members see it.
    var wishApproval = true

    var actorID: Int64 { actor.id ?? 0 }

    /// Files a report, wish or suggestion with the actor as its reporter.
    func file(_ filing: Filing) throws -> Happened {
        let location = router.route(filing.location)
        let outcome = try tx.createItem(
            NewItem(
                kind: filing.kind, category: filing.kind == .issue ? filing.category : nil,
                location: location, text: filing.text, reporterID: actorID, source: filing.source,
                photoURLs: filing.photoURLs, awaitsApproval: filing.kind == .wish && wishApproval && !filing.approved))
        return .filed(outcome.item, try route(of: outcome.item), awards: outcome.awards)
    }

    func claim(_ itemID: Int64) throws -> Happened {
        if let refusal = registration.refusal(for: actor) { throw refusal }
        return .claimed(try tx.claim(itemID: itemID, by: actorID).item, claimant: actor)
    }

    func release(_ itemID: Int64) throws -> Happened {
        .released(try tx.release(itemID: itemID, by: actorID).item)
    }

    /// The community takes back a claim that stalled (the calendar acts; no member does).
    func expireClaim(_ itemID: Int64) throws -> Happened {
        let before = try tx.item(id: itemID)
        let item = try tx.expireClaim(itemID: itemID).item
        return .expired(item, formerClaimant: try member(before?.claimantID))
    }

    func submit(_ itemID: Int64, note: String?, photoURLs: [String]) throws -> Happened {
        .submitted(
            try tx.submit(itemID: itemID, by: actorID, note: note, photoURLs: photoURLs).item, photos: photoURLs.count)
    }

    func verify(_ itemID: Int64, note: String?) throws -> Happened {
        let outcome = try tx.verify(itemID: itemID, by: actorID, note: note)
        return .verified(outcome.item, try paid(outcome))
    }

    func returnItem(_ itemID: Int64, reason: String?) throws -> Happened {
        let item = try tx.returnItem(itemID: itemID, by: actorID, reason: reason).item
        return .returned(item, claimant: try member(item.claimantID), reason: reason)
    }

    func resolve(_ itemID: Int64, note: String?) throws -> Happened {
        let outcome = try tx.resolve(itemID: itemID, by: actorID, note: note)
        return .resolved(outcome.item, try paid(outcome))
    }

    func assign(_ itemID: Int64, to assigneeID: Int64, note: String?) throws -> Happened {
        let item = try tx.assign(itemID: itemID, to: assigneeID, by: actorID, note: note).item
        guard let assignee = try member(assigneeID) else { throw BoardError.noSuchMember(String(assigneeID)) }
        return .assigned(item, assignee: assignee)
    }

    func cancel(_ itemID: Int64, reason: String?, invalid: Bool) throws -> Happened {
        let outcome = try tx.cancel(itemID: itemID, by: actorID, reason: reason, invalid: invalid)
        return .cancelled(
            outcome.item, reason: reason, penalty: outcome.awards.first, reporter: try member(outcome.item.reporterID))
    }

    func merge(_ itemID: Int64, into target: Int64, note: String?) throws -> Happened {
        let item = try tx.merge(itemID: itemID, into: target, by: actorID, note: note).item
        return .merged(item, into: target, reporter: try member(item.reporterID))
    }

    func adopt(_ itemID: Int64, note: String?) throws -> Happened {
        let outcome = try tx.adopt(itemID: itemID, by: actorID, note: note)
        return .adopted(outcome.item, try paid(outcome))
    }

    /// Completes an item's place (the reporter's answer, a shared location, the board's form).
    func locate(_ itemID: Int64, at location: Location) throws -> Happened {
        let item = try tx.locate(itemID: itemID, at: router.route(location), by: actorID)
        return .located(item, try route(of: item), reporter: try member(item.reporterID))
    }

    /// Photos sent after the report, joined to it.
    func addPhotos(_ itemID: Int64, urls: [String]) throws -> Happened {
        _ = try tx.addPhotos(itemID: itemID, urls: urls, by: actor.id)
        return .photosAdded(itemID: itemID, count: urls.count)
    }

    /// "报到 张三": the actor registers under a name, keeping the role the group gave them.
    func register(name: String) throws -> Happened {
        .registered(try tx.register(platformID: actor.platformID, name: name, role: actor.role))
    }

    /// The secretary books what a member's points bought.
    func exchange(memberID: Int64, goods: String, cost: Int) throws -> Happened {
        guard let member = try member(memberID) else { throw BoardError.noSuchMember(String(memberID)) }
        _ = try tx.exchange(memberID: memberID, cost: cost, by: actorID, note: goods)
        return .exchanged(member, goods: goods, cost: cost)
    }

    /// What an action on this item would do for the actor now: the buttons the board shows.
    func actions(on item: Item) -> [ItemAction] { item.actions(for: actor) }

    func route(of item: Item) throws -> Route {
        let workers = try router.workers(of: item.grid).map { id in
            (platformID: id, name: try tx.member(platformID: id)?.name ?? id)
        }
        return Route(grid: item.grid, gridName: item.grid.flatMap(router.gridName), workers: workers)
    }

    private func paid(_ outcome: Outcome) throws -> Paid {
        var members: [Member] = []
        for award in outcome.awards where !members.contains(where: { $0.id == award.memberID }) {
            if let member = try member(award.memberID) { members.append(member) }
        }
        return Paid(awards: outcome.awards, members: members)
    }

    func member(_ id: Int64?) throws -> Member? {
        try id.flatMap { try tx.member(id: $0) }
    }
}
