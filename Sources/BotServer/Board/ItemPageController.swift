import Foundation
import Hummingbird
import IntentParser
import Logging
import TaskBoard

/// `/board/items/{id}`: everything about one item, and the actions this user may take on it now.
/// Every action runs the same `Commands` as the chat command and tells the group the same way.
struct ItemPageController: Sendable {
    let site: BoardSite

    var routes: RouteCollection<BoardRequestContext> {
        let routes = RouteCollection(context: BoardRequestContext.self)
        routes.get("items/{id}", use: show)
        routes.post("items/{id}/{action}", use: act)
        return routes
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

        init(_ photo: Photo) {
            id = photo.id ?? 0
            thumb = "/board/photos/\(id)/thumb"
            full = "/board/photos/\(id)"
            stored = photo.status == .stored
            pending = photo.status == .pending
            failed = photo.status == .failed
            error = photo.lastError
            url = photo.url
        }
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
        /// 吹哨报到: the department's level, deadline and answers, while or after it waited on one.
        var department: DepartmentView?
        var duplicateOf: Int64?
        var source: String?
        var photos: [PhotoView]
        var events: [EventView]
        var duplicates: [ItemRowView]
        var hasDuplicates: Bool
        /// Reports of the same thing joined to this item, each with a split button for those who may.
        var joined: [JoinedView]
        var hasJoined: Bool
        var canSplit: Bool
        var canVerify: Bool
        var canAssign: Bool
        var canEscalate: Bool
        var canResolve: Bool
        var canCancel: Bool
        var canMerge: Bool
        var canLocate: Bool
        var canAdopt: Bool
        var canAnswer: Bool
        var canChase: Bool
        var canApproveWish: Bool
        var hasActions: Bool
        var assignees: [MemberOption]
        var estates: [String]
        /// The configured departments, offered when escalating.
        var departments: [String]
    }

    @Sendable func show(request: Request, context: BoardRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try itemID(context)
        let site = site
        let format = BoardFormat(config: site.config)
        let loaded = try await site.store.read {
            tx -> (
                ItemDetail, [Int64: Member], [Item], [Member], Date, [ItemAction], DepartmentRequest?, JoinedReports
            )? in
            guard let detail = try tx.detail(itemID: id), user.mayAccess(grid: detail.item.grid) else { return nil }
            let viewer = try user.viewer(in: tx)
            let allowed = detail.item.actions(for: viewer)
            let duplicates = try tx.duplicates(of: id)
            let joined = JoinedReports(
                reports: try tx.joinedReports(of: id), photos: try tx.joinedPhotos(of: id),
                canSplit: detail.item.relations(of: viewer).contains(.supervisor))
            let ids =
                detail.events.compactMap(\.actorID) + duplicates.map(\.reporterID) + joined.reports.map(\.reporterID)
                + [detail.item.reporterID, detail.item.claimantID].compactMap { $0 }
            let assignees = try tx.members(role: .member)
            return (
                detail, try tx.membersByID(ids), duplicates, assignees, tx.now, allowed,
                try tx.currentRequest(itemID: id), joined
            )
        }
        guard let (detail, members, duplicates, assignees, now, allowed, waitingOn, joined) = loaded else {
            throw HTTPError(
                .notFound, message: site.labels.say(.itemNotFound(item: id)))
        }
        let item = detail.item
        let labels = site.labels
        let view = ItemView(
            row: ItemRowView(item, members: members, site: site, format: format, now: now),
            estate: item.estate, building: item.building, unit: item.unit, room: item.room, landmark: item.landmark,
            coordinates: item.lat.flatMap { lat in item.lon.map { String(format: "%.6f, %.6f", lat, $0) } },
            escalatedTo: item.escalatedTo,
            department: waitingOn.map {
                DepartmentView($0, events: detail.events, config: site.config, format: format)
            },
            duplicateOf: item.duplicateOf,
            source: item.sourceGroup.map { "\(item.sourceChannel ?? "") / \($0)" },
            photos: detail.photos.map(PhotoView.init),
            events: detail.events.map {
                EventView(
                    when: format.dateTime($0.at) ?? "", action: labels.events[$0.action],
                    actor: $0.actorID.flatMap { members[$0]?.name }, note: $0.note)
            },
            duplicates: duplicates.map { ItemRowView($0, members: members, site: site, format: format, now: now) },
            hasDuplicates: !duplicates.isEmpty,
            joined: joined.reports.map {
                JoinedView($0, photos: joined.photos[$0.id ?? 0] ?? [], members: members, format: format)
            },
            hasJoined: !joined.reports.isEmpty, canSplit: joined.canSplit,
            canVerify: allowed.contains(.verify), canAssign: allowed.contains(.assign),
            canEscalate: allowed.contains(.escalate), canResolve: allowed.contains(.resolve),
            canCancel: allowed.contains(.cancel), canMerge: allowed.contains(.merge),
            canLocate: allowed.contains(.locate) && !item.location.namesAPlace, canAdopt: allowed.contains(.adopt),
            canAnswer: allowed.contains(.answer), canChase: allowed.contains(.chase),
            canApproveWish: allowed.contains(.approveWish),
            hasActions: !allowed.isEmpty,
            assignees: assignees.compactMap { member in member.id.map { MemberOption(id: $0, name: member.name) } },
            estates: site.useCases.router.estateNames,
            departments: site.config.escalation.departments.map(\.name))
        return try await site.page(
            .item, view, request: request, context: context, section: .items, title: "#\(id)")
    }

    @Sendable func act(request: Request, context: BoardRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try itemID(context)
        guard let action = context.parameters.get("action"), let kind = Action(rawValue: action) else {
            throw HTTPError(.notFound)
        }
        let form = context.form
        let site = site
        let notFound = HTTPError(
            .notFound, message: site.labels.say(.itemNotFound(item: id)))
        return try await site.perform(
            user: user, context: context, back: "/board/items/\(id)", what: "#\(id) \(action)"
        ) { tx, actor in
            guard let item = try tx.item(id: id), user.mayAccess(grid: item.grid) else { throw notFound }
            let commands = site.useCases.commands(in: tx, by: actor)
            let happened = try perform(kind, item: item, form: form, commands: commands, tx: tx)
            if let happened {
                try site.useCases.queue.send(try site.useCases.notices.notices(of: happened, by: actor, tx: tx), tx: tx)
            }
            // A split names the new item; every other action the page's own.
            return site.labels.say(.itemDone(kind, item: kind == .split ? happened?.item?.id ?? id : id))
        }
    }

    enum Action: String, Sendable {
        case verify, `return`, assign, escalate, resolve, cancel, merge, locate, adopt, split
        case answer, chase
        case retryPhoto = "retry-photo"
        case approveWish = "approve-wish"
    }

    private func perform(
        _ action: Action, item: Item, form: FormFields, commands: Commands, tx: BoardTransaction
    ) throws -> Happened? {
        let id = item.number
        switch action {
        case .verify:
            return try commands.verify(id, note: form["note"])
        case .return:
            return try commands.returnItem(id, reason: form["note"])
        case .assign:
            guard let assignee = form.int64("member") else { throw BoardFormError.missingMember }
            return try commands.assign(id, to: assignee, note: form["note"])
        case .escalate:
            return try commands.escalate(id, to: form["target"] ?? form["note"])
        case .resolve:
            return try commands.resolve(id, note: form["note"])
        case .cancel:
            return try commands.cancel(id, reason: form["note"], invalid: form["invalid"] == "1")
        case .merge:
            guard let target = form.int64("into") else { throw BoardFormError.missingTarget }
            return try commands.merge(id, into: target, note: form["note"])
        case .adopt:
            return try commands.adopt(id, note: form["note"])
        case .answer:
            return try commands.answerDepartment(id, answer: form["note"])
        case .chase:
            return try commands.chase(id)
        case .split:
            guard let joinedID = form.int64("joined") else { throw BoardFormError.missingTarget }
            // Only a report joined to this page's item: the grid this user may see.
            return try commands.split(joinedID, from: id)
        case .approveWish:
            return try commands.approveWish(id)
        case .locate:
            // The secretary supplies the place a report was missing, as the reporter's answer would have.
            guard let location = site.location(from: form) else { throw BoardFormError.missingPlace }
            return try commands.locate(id, at: location)
        case .retryPhoto:
            guard let photoID = form.int64("photo"), let photo = try tx.photo(id: photoID), photo.itemID == id else {
                throw BoardFormError.missingPhoto
            }
            _ = try tx.queue.retryPhoto(id: photoID)
            return nil
        }
    }

    private func itemID(_ context: BoardRequestContext) throws -> Int64 {
        guard let id = context.parameters.get("id", as: Int64.self) else { throw HTTPError(.notFound) }
        return id
    }
}
