import Foundation
import Hummingbird
import IntentParser
import Logging
import TaskBoard

/// `/board/reviews`: what the bot was unsure of, and reports nobody can find yet. A decision
/// answers the sender in the group exactly as if the bot had understood: the same `Conversation`
/// files the item and writes the receipt.
struct ReviewController: Sendable {
    let site: BoardSite

    var routes: RouteCollection<BoardRequestContext> {
        let routes = RouteCollection(context: BoardRequestContext.self)
        routes.get("reviews", use: list)
        routes.post("reviews/{id}/{decision}", use: decide)
        routes.post("reviews/crashed/{id}/retry", use: retryCrashed)
        routes.post("items/new", use: file)
        return routes
    }

    struct ReviewView: Sendable {
        var id: Int64
        var sender: String
        var group: String
        var received: String
        var text: String
        var reason: String
        var photos: [ReviewPhoto]
        var hasPhotos: Bool
        var categories: [FormOption]
        var estate: String?
        var building: String?
        var unit: String?
        var landmark: String?
        var suggestsWish: Bool
    }

    struct ReviewPhoto: Sendable {
        var src: String?
        var url: String
    }

    /// An inbound message set aside because processing it killed the server (CrashGuard).
    struct CrashedView: Sendable {
        var id: Int64
        var sender: String
        var group: String
        var received: String
        var text: String
    }

    struct ReviewsView: Sendable {
        var reviews: [ReviewView]
        var hasReviews: Bool
        var crashed: [CrashedView]
        var hasCrashed: Bool
        var missingPlace: [ItemRowView]
        var hasMissing: Bool
        var members: [FormOption]
        var groups: [FormOption]
        var categories: [FormOption]
        var kinds: [FormOption]
        var estates: [String]
        var isEmpty: Bool
    }

    @Sendable func list(request: Request, context: BoardRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let site = site
        let format = BoardFormat(config: site.config)
        let router = site.useCases.router
        let (reviews, senders, missing, reporters, members, now, crashed) = try await site.store.read { tx in
            // A grid worker sees the messages whose place the parser routed to the own grid.
            let reviews = try tx.reviews(status: .open, limit: 200).filter { review in
                let parsed = try? JSONDecoder().decode(ParseResult.self, from: Data(review.parse.utf8))
                return user.mayAccess(grid: router.route(parsed?.place ?? Location()).grid)
            }
            let crashed = user.role == .secretary ? try tx.queue.quarantinedInbox(limit: 50) : []
            var senders: [String: Member] = [:]
            for review in reviews { senders[review.senderID] = try tx.member(platformID: review.senderID) }
            let missing = try tx.itemsMissingPlace(limit: 100).filter { user.mayAccess(grid: $0.grid) }
            let members = try tx.members().filter { !$0.platformID.hasPrefix("board:") }
            for row in crashed where senders[row.senderID] == nil {
                senders[row.senderID] = try tx.member(platformID: row.senderID)
            }
            return (reviews, senders, missing, try tx.membersByID(missing.map(\.reporterID)), members, tx.now, crashed)
        }
        let labels = site.labels
        let categoryCodes = labels.categories.codes
        let view = ReviewsView(
            reviews: reviews.map { review in
                let parsed = try? JSONDecoder().decode(ParseResult.self, from: Data(review.parse.utf8))
                let urls = (try? JSONDecoder().decode([String].self, from: Data(review.imageURLs.utf8))) ?? []
                return ReviewView(
                    id: review.id ?? 0, sender: senders[review.senderID]?.name ?? review.senderID,
                    group: groupLabel(channel: review.channel, groupID: review.groupID),
                    received: format.dateTime(review.createdAt) ?? "", text: review.text,
                    reason: labels.reviewReasons[review.reason],
                    photos: urls.map { ReviewPhoto(src: Self.localSource($0), url: $0) }, hasPhotos: !urls.isEmpty,
                    categories: categoryCodes.map {
                        FormOption(value: $0, label: labels.category($0), selected: parsed?.category?.rawValue == $0)
                    },
                    estate: parsed?.place?.estate, building: parsed?.place?.building, unit: parsed?.place?.unit,
                    landmark: parsed?.place?.landmark, suggestsWish: parsed?.intent == .wish)
            },
            hasReviews: !reviews.isEmpty,
            crashed: crashed.map { row in
                let message = try? JSONDecoder().decode(InboundMessage.self, from: Data(row.payload.utf8))
                return CrashedView(
                    id: row.id ?? 0, sender: senders[row.senderID]?.name ?? message?.senderName ?? row.senderID,
                    group: groupLabel(channel: row.channel, groupID: row.groupID),
                    received: format.dateTime(row.receivedAt) ?? "", text: message?.text ?? row.payload)
            },
            hasCrashed: !crashed.isEmpty,
            missingPlace: missing.map { ItemRowView($0, members: reporters, site: site, format: format, now: now) },
            hasMissing: !missing.isEmpty,
            members: members.compactMap { member in
                member.id.map {
                    FormOption(
                        value: "\($0)",
                        label: labels.say(.memberOption(name: member.name, role: labels.role(member.role))),
                        selected: false)
                }
            },
            groups: site.config.groups.map {
                FormOption(
                    value: "\($0.channel)/\($0.id)", label: groupLabel(channel: $0.channel, groupID: $0.id),
                    selected: false)
            },
            categories: categoryCodes.map { FormOption(value: $0, label: labels.category($0), selected: false) },
            kinds: [ItemKind.issue, .wish, .suggestion].map {
                FormOption(value: $0.rawValue, label: labels.kind($0), selected: false)
            },
            estates: site.useCases.router.estateNames,
            isEmpty: reviews.isEmpty && missing.isEmpty && crashed.isEmpty)
        return try await site.page(
            .reviews, view, request: request, context: context, section: .reviews,
            title: labels.sections[.reviews])
    }

    @Sendable func decide(request: Request, context: BoardRequestContext) async throws -> Response {
        let user = try context.requireUser()
        guard let id = context.parameters.get("id", as: Int64.self), let decision = context.parameters.get("decision"),
            ["report", "wish", "ignore"].contains(decision)
        else { throw HTTPError(.notFound) }
        let form = context.form
        let site = site
        return try await site.perform(
            user: user, context: context, back: "/board/reviews", what: "review \(id) \(decision)"
        ) { tx, actor in
            guard let review = try tx.review(id: id) else { throw BoardPageError.noSuchReview(id) }
            if decision == "ignore" {
                _ = try tx.ignoreReview(id: id, by: actor.id ?? 0)
                return site.labels.word(.doneReviewIgnore)
            }
            guard review.status == .open else { throw BoardPageError.reviewClosed(id, status: review.status) }
            guard let sender = try tx.member(platformID: review.senderID) else {
                throw BoardPageError.noSuchReview(id)
            }
            // Filed as the sender, as if the bot had understood them, and answered in their group.
            let kind: ItemKind = decision == "wish" ? .wish : .issue
            var filing = Filing(
                kind: kind, category: site.category(from: form),
                location: site.location(from: form) ?? Location(), text: review.text,
                photoURLs: try review.photoURLs(),
                source: ItemSource(
                    channel: review.channel, group: review.groupID,
                    messageID: try tx.queue.inbox(id: review.inboxID)?.platformMessageID))
            // The community files it on the board: a wish is approved as it is filed.
            filing.approved = true
            try site.requireGrid(of: filing, for: user, actor: actor)
            let happened = try site.useCases.commands(in: tx, by: sender).file(filing)
            let itemID = happened.item?.number ?? 0
            _ = try tx.resolveReview(id: id, itemID: itemID, by: actor.id ?? 0)
            let receipt = try site.useCases.notices.spread(
                happened, by: sender, answer: try site.useCases.replies.reply(to: happened, by: sender, in: .chat),
                in: ChatGroup(channel: review.channel, id: review.groupID), tx: tx)
            try site.useCases.queue.announce(
                [receipt], channel: review.channel, groupID: review.groupID, inboxID: review.inboxID,
                inReplyTo: filing.source?.messageID, tx: tx)
            return site.labels.say(.reviewFiled(item: itemID))
        }
    }

    /// Puts a quarantined message back in the inbox; only the secretary sees and may do this.
    @Sendable func retryCrashed(request: Request, context: BoardRequestContext) async throws -> Response {
        let user = try context.requireUser()
        guard user.role == .secretary, let id = context.parameters.get("id", as: Int64.self) else {
            throw HTTPError(.notFound)
        }
        let site = site
        let response = try await site.perform(
            user: user, context: context, back: "/board/reviews", what: "retry crashed \(id)"
        ) { tx, _ in
            guard try tx.queue.retryQuarantinedInbox(id: id) else { throw BoardPageError.noSuchReview(id) }
            return site.labels.word(.doneCrashedRetry)
        }
        await site.inboxSignal?.notify()
        return response
    }

    /// The secretary files a report or wish for someone who told them in person or by phone; the
    /// receipt goes to the group they chose, if any.
    @Sendable func file(request: Request, context: BoardRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let form = context.form
        let site = site
        return try await site.perform(user: user, context: context, back: "/board/reviews", what: "file on behalf") {
            tx, actor in
            guard let text = form["text"] else { throw BoardFormError.missingText }
            guard let reporterID = form.int64("member"), let reporter = try tx.member(id: reporterID) else {
                throw BoardFormError.missingMember
            }
            let kind = form["kind"].flatMap(ItemKind.init(rawValue:)) ?? .issue
            let notify = form["notify"].flatMap { value -> ItemSource? in
                let parts = value.split(separator: "/", maxSplits: 1).map(String.init)
                guard parts.count == 2, site.config.group(channel: parts[0], id: parts[1]) != nil else { return nil }
                return ItemSource(channel: parts[0], group: parts[1])
            }
            var filing = Filing(
                kind: kind, category: site.category(from: form),
                location: site.location(from: form) ?? Location(), text: text, photoURLs: [], source: notify)
            filing.approved = true
            try site.requireGrid(of: filing, for: user, actor: actor)
            let happened = try site.useCases.commands(in: tx, by: reporter).file(filing)
            if let notify {
                let receipt = try site.useCases.notices.spread(
                    happened, by: reporter,
                    answer: try site.useCases.replies.reply(to: happened, by: reporter, in: .chat),
                    in: ChatGroup(channel: notify.channel, id: notify.group), tx: tx)
                try site.useCases.queue.announce([receipt], channel: notify.channel, groupID: notify.group, tx: tx)
            } else {
                try site.useCases.queue.send(
                    try site.useCases.notices.notices(of: happened, by: reporter, tx: tx), tx: tx)
            }
            let itemID = happened.item?.number ?? 0
            return site.labels.say(.filed(item: itemID))
        }
    }

    private func groupLabel(channel: String, groupID: String) -> String {
        let role = site.config.group(channel: channel, id: groupID)?.role
        let name = role.map { site.labels.groups[$0] } ?? groupID
        return site.labels.say(
            .groupOption(name: name, group: channel == "generic" ? groupID : "\(channel)/\(groupID)"))
    }

    /// Sample photos of the simulator are on this server; platform photos are only linked.
    static func localSource(_ url: String) -> String? {
        guard url.hasPrefix("sim-sample:") else { return nil }
        return "/sim/photos/" + url.dropFirst("sim-sample:".count)
    }
}
