import Foundation
import Hummingbird
import IntentParser
import Logging
import TaskBoard

/// `/board/items/{id}`: everything about one item, and the actions this user may take on it now.
/// Every action runs the same `ItemActions` as the chat command and tells the group the same way.
struct ItemPageController: Sendable {
    let site: BoardSite

    func register(on group: RouterGroup<BoardRequestContext>) {
        group.get("items/{id}", use: show)
        group.post("items/{id}/{action}", use: act)
    }

    struct PhotoView: Sendable {
        var id: Int64
        var thumb: String
        var full: String
        var stored: Bool
        var pending: Bool
        var failed: Bool
        var error: String?
        var url: String
    }

    struct EventView: Sendable {
        var when: String
        var action: String
        var actor: String?
        var note: String?
    }

    struct MemberOption: Sendable {
        var id: Int64
        var name: String
    }

    struct ItemView: Sendable {
        var row: ItemRowView
        var estate: String?
        var building: String?
        var unit: String?
        var room: String?
        var landmark: String?
        var coordinates: String?
        var escalatedTo: String?
        var duplicateOf: Int64?
        var source: String?
        var photos: [PhotoView]
        var events: [EventView]
        var duplicates: [ItemRowView]
        var hasDuplicates: Bool
        var canVerify: Bool
        var canAssign: Bool
        var canEscalate: Bool
        var canResolve: Bool
        var canCancel: Bool
        var canMerge: Bool
        var canLocate: Bool
        var hasActions: Bool
        var assignees: [MemberOption]
        var estates: [String]
    }

    @Sendable func show(request: Request, context: BoardRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try itemID(context)
        let site = site
        let format = BoardFormat(config: site.config)
        let loaded = try await site.store.read { tx -> (ItemDetail, [Int64: Member], [Item], [Member], Date)? in
            guard let detail = try tx.detail(itemID: id), user.mayAccess(grid: detail.item.grid) else { return nil }
            let duplicates = try tx.duplicates(of: id)
            let ids =
                detail.events.compactMap(\.actorID) + duplicates.map(\.reporterID)
                + [detail.item.reporterID, detail.item.claimantID].compactMap { $0 }
            let assignees = try tx.members(role: .member)
            return (detail, try tx.membersByID(ids), duplicates, assignees, tx.now)
        }
        guard let (detail, members, duplicates, assignees, now) = loaded else {
            throw HTTPError(.notFound, message: site.labels.say(.itemNotFound(item: id)))
        }
        let item = detail.item
        let labels = site.labels
        let status = item.status
        let view = ItemView(
            row: ItemRowView(item, members: members, site: site, format: format, now: now),
            estate: item.estate, building: item.building, unit: item.unit, room: item.room, landmark: item.landmark,
            coordinates: item.lat.flatMap { lat in item.lon.map { String(format: "%.6f, %.6f", lat, $0) } },
            escalatedTo: item.escalatedTo, duplicateOf: item.duplicateOf,
            source: item.sourceGroup.map { "\(item.sourceChannel ?? "") / \($0)" },
            photos: detail.photos.map { photo in
                let photoID = photo.id ?? 0
                return PhotoView(
                    id: photoID, thumb: "/board/photos/\(photoID)/thumb", full: "/board/photos/\(photoID)",
                    stored: photo.status == .stored, pending: photo.status == .pending, failed: photo.status == .failed,
                    error: photo.lastError, url: photo.url)
            },
            events: detail.events.map {
                EventView(
                    when: format.dateTime($0.at) ?? "", action: labels.events[$0.action],
                    actor: $0.actorID.flatMap { members[$0]?.name }, note: $0.note)
            },
            duplicates: duplicates.map { ItemRowView($0, members: members, site: site, format: format, now: now) },
            hasDuplicates: !duplicates.isEmpty,
            canVerify: status == .submitted, canAssign: status == .open,
            canEscalate: status == .open || status == .claimed, canResolve: status == .escalated,
            canCancel: !status.isTerminal, canMerge: [.open, .claimed, .escalated].contains(status),
            canLocate: !status.isTerminal && item.estate == nil && item.landmark == nil,
            hasActions: !status.isTerminal,
            assignees: assignees.compactMap { member in member.id.map { MemberOption(id: $0, name: member.name) } },
            estates: site.community.gazetteer.grids.flatMap { $0.estates.map(\.name) })
        return try await site.page(
            .item, view, request: request, context: context, section: .items, title: "#\(id)")
    }

    /// What an action did, for the notice on the next page.
    private enum Result: Sendable {
        case done(String)
        case refused(String)
    }

    @Sendable func act(request: Request, context: BoardRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try itemID(context)
        guard let action = context.parameters.get("action"), let kind = Action(rawValue: action) else {
            throw HTTPError(.notFound)
        }
        let form = context.form
        let site = site
        let result = try await site.store.write { tx -> Result? in
            guard let item = try tx.item(id: id), user.mayAccess(grid: item.grid) else { return nil }
            let actor = try user.member(in: tx)
            let actions = ItemActions(handler: site.handler, tx: tx, actor: actor, actorInChat: false)
            do {
                let draft = try perform(kind, item: item, form: form, actions: actions, tx: tx)
                try announce(draft, about: item, tx: tx)
                return .done(site.labels.say(.itemDone(kind, item: id)))
            } catch let refusal as BoardError {
                return .refused(try actions.refusal(refusal).text)
            } catch let invalid as BoardFormError {
                return .refused(site.labels.word(invalid.word))
            }
        }
        guard let result else {
            throw HTTPError(.notFound, message: site.labels.say(.itemNotFound(item: id)))
        }
        switch result {
        case .done(let notice):
            context.logger.info(
                "board.action", metadata: ["board.user": "\(user.name)", "item": "\(id)", "action": "\(action)"])
            await site.outboxSignal.notify()
            return site.redirect(to: "/board/items/\(id)", notice: notice)
        case .refused(let reason):
            context.logger.notice(
                "board.refused",
                metadata: ["board.user": "\(user.name)", "item": "\(id)", "action": "\(action)", "reason": "\(reason)"])
            return site.redirect(to: "/board/items/\(id)", notice: reason, isError: true)
        }
    }

    enum Action: String, CaseIterable, Sendable {
        case verify, `return`, assign, escalate, resolve, cancel, merge, locate
        case retryPhoto = "retry-photo"
    }

    private func perform(
        _ action: Action, item: Item, form: FormFields, actions: ItemActions, tx: BoardTransaction
    ) throws -> ReplyDraft? {
        let id = item.id ?? 0
        switch action {
        case .verify:
            return try actions.verify(id, note: form["note"])
        case .return:
            return try actions.returnItem(id, reason: form["note"])
        case .assign:
            guard let assignee = form.int64("member") else { throw BoardFormError.missingMember }
            return try actions.assign(id, to: assignee, note: form["note"])
        case .escalate:
            return try actions.escalate(id, to: form["target"] ?? form["note"])
        case .resolve:
            return try actions.resolve(id, note: form["note"])
        case .cancel:
            return try actions.cancel(id, reason: form["note"], invalid: form["invalid"] == "1")
        case .merge:
            guard let target = form.int64("into") else { throw BoardFormError.missingTarget }
            return try actions.merge(id, into: target, note: form["note"])
        case .locate:
            return try locate(item, form: form, actions: actions, tx: tx)
        case .retryPhoto:
            guard let photoID = form.int64("photo"), let photo = try tx.photo(id: photoID), photo.itemID == id else {
                throw BoardFormError.missingPhoto
            }
            _ = try tx.retryPhoto(id: photoID)
            return nil
        }
    }

    /// The secretary supplies the place a report was missing, as the reporter's answer would have.
    private func locate(_ item: Item, form: FormFields, actions: ItemActions, tx: BoardTransaction) throws -> ReplyDraft
    {
        guard form["estate"] != nil || form["landmark"] != nil else { throw BoardFormError.missingPlace }
        guard !item.status.isTerminal else {
            throw BoardError.wrongState(item: item.id ?? 0, status: item.status, action: "locate")
        }
        let estate = form["estate"].map(site.community.canonicalEstate)
        let grid = estate.flatMap { site.community.grid(ofEstate: $0) }
        let located = try tx.locate(
            itemID: item.id ?? 0, estate: estate, building: site.handler.parser.formNumber(form["building"]),
            unit: site.handler.parser.formNumber(form["unit"]), room: nil,
            landmark: form["landmark"], grid: grid, lat: nil, lon: nil, by: actions.actor.id)
        let reporter = try tx.member(id: item.reporterID)
        return ReplyDraft(
            text: try site.handler.renderer.render(
                .located,
                LocatedView(
                    item: item.id ?? 0, place: try actions.place(of: located),
                    grid: grid.flatMap { site.community.gridName($0) } ?? site.labels.word(.communityGrid))),
            mentions: [reporter?.platformID].compactMap { $0 })
    }

    /// Board actions are told in the group the item came from, and to the claimant's group when
    /// the action concerns them and they talk elsewhere (a members' group).
    private func announce(_ draft: ReplyDraft?, about item: Item, tx: BoardTransaction) throws {
        guard let draft else { return }
        var targets: [(String, String)] = []
        if let channel = item.sourceChannel, let group = item.sourceGroup { targets.append((channel, group)) }
        if let current = try tx.item(id: item.id ?? 0), let claimantID = current.claimantID,
            let claimant = try tx.member(id: claimantID), draft.mentions.contains(claimant.platformID),
            let last = try tx.lastGroup(ofSender: claimant.platformID),
            !targets.contains(where: { $0 == last.channel && $1 == last.groupID })
        {
            targets.append((last.channel, last.groupID))
        }
        for (channel, group) in targets where site.config.group(channel: channel, id: group) != nil {
            try site.handler.announce(
                [draft], channel: channel, groupID: group, inboxID: nil, inReplyTo: item.sourceMessageID, tx: tx)
        }
    }

    private func itemID(_ context: BoardRequestContext) throws -> Int64 {
        guard let id = context.parameters.get("id", as: Int64.self) else { throw HTTPError(.notFound) }
        return id
    }
}

/// A board form without what its action needs.
enum BoardFormError: Error {
    case missingMember, missingTarget, missingPhoto, missingPlace, missingText

    var word: Word {
        switch self {
        case .missingMember: .formMissingMember
        case .missingTarget: .formMissingTarget
        case .missingPhoto: .formMissingPhoto
        case .missingPlace: .formMissingPlace
        case .missingText: .formMissingText
        }
    }
}
