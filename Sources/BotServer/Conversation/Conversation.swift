import Foundation
import IntentParser
import TaskBoard

/// One message's turn inside the board transaction: maps the parsed intent to a board command and
/// renders what the group hears back. A refusal is a reply too, never an error.
struct Conversation {
    let handler: MessageHandler
    let tx: BoardTransaction
    let message: InboundMessage
    let member: Member

    private var renderer: ReplyRenderer { handler.renderer }
    private var labels: Labels { handler.renderer.labels }
    private var memberID: Int64 { member.id ?? 0 }

    /// The replies, and the item the message created or acted on (for joining later photos to it).
    struct Response {
        var drafts: [ReplyDraft]
        var itemID: Int64?
        var created: Bool
    }

    func respond(to parsed: ParseResult) throws -> Response {
        do {
            return try command(parsed)
        } catch let refusal as BoardError {
            return Response(drafts: [try actions.refusal(refusal)], itemID: nil, created: false)
        }
    }

    private var actions: ItemActions { ItemActions(handler: handler, tx: tx, actor: member, actorInChat: true) }

    /// Files a report, wish or suggestion as a new item; runs any other intent on the item it names.
    private func command(_ parsed: ParseResult) throws -> Response {
        if [.report, .wish, .suggestion].contains(parsed.intent) {
            let created = try createItem(parsed)
            return Response(drafts: created.drafts, itemID: created.itemID, created: true)
        }
        return Response(drafts: try acting(parsed), itemID: parsed.itemRef.map(Int64.init), created: false)
    }

    private func acting(_ parsed: ParseResult) throws -> [ReplyDraft] {
        switch parsed.intent {
        case .claim:
            guard let ref = parsed.itemRef else { return [try askForItem(.exampleClaim)] }
            return [try actions.claim(Int64(ref))]
        case .release:
            guard let ref = parsed.itemRef else { return [try askForItem(.exampleRelease)] }
            return [try actions.release(Int64(ref))]
        case .complete:
            guard let ref = parsed.itemRef else { return [try askForItem(.exampleComplete)] }
            return [try actions.submit(Int64(ref), note: parsed.note, photoURLs: message.imageURLs)]
        case .verify:
            guard let ref = parsed.itemRef else { return [try askForItem(.exampleVerify)] }
            if parsed.verdict == .reject { return [try actions.returnItem(Int64(ref), reason: parsed.note)] }
            return [try actions.verify(Int64(ref), note: parsed.note)]
        case .escalate:
            guard let ref = parsed.itemRef else { return [try askForItem(.exampleEscalate)] }
            return [try actions.escalate(Int64(ref), to: parsed.escalationTarget)]
        case .register:
            let name = parsed.registerName ?? message.senderName ?? member.name
            let registered = try tx.register(platformID: member.platformID, name: name, role: member.role)
            return [
                try toSender(
                    .registered, RegisteredView(name: registered.name, role: labels.role(registered.role)))
            ]
        case .query:
            return [try answer(parsed)]
        case .chitchat, .report, .wish, .suggestion:
            return []
        }
    }

    private func createItem(_ parsed: ParseResult) throws -> (drafts: [ReplyDraft], itemID: Int64) {
        let place = parsed.place ?? Place()
        let grid = handler.community.grid(for: place)
        let kind: ItemKind =
            switch parsed.intent {
            case .wish: .wish
            case .suggestion: .suggestion
            default: .issue
            }
        let category = kind == .issue ? (parsed.category ?? .other).rawValue : nil
        let outcome = try tx.createItem(
            NewItem(
                kind: kind, category: category, estate: place.estate, building: place.building, unit: place.unit,
                room: place.room, landmark: place.landmark, grid: grid,
                lat: place.lat ?? message.location?.lat, lon: place.lon ?? message.location?.lon,
                text: message.text, reporterID: memberID, sourceChannel: message.channel,
                sourceGroup: message.groupID, sourceMessageID: message.messageID, photoURLs: message.imageURLs))
        let item = outcome.item
        let itemID = item.id ?? 0
        let points = outcome.awards.filter { $0.memberID == memberID }.reduce(0) { $0 + $1.delta }
        switch kind {
        case .wish:
            return (
                [
                    try toSender(
                        .receiptWish, WishReceiptView(item: itemID, place: try self.place(of: item), text: message.text)
                    )
                ], itemID
            )
        case .suggestion:
            return (
                [
                    try toSender(
                        .receiptSuggestion, SuggestionReceiptView(item: itemID, points: points > 0 ? points : nil))
                ],
                itemID
            )
        case .issue:
            let workers = handler.config.gridWorkers(of: grid)
            let workerNames = try workers.map { try tx.member(platformID: $0)?.name ?? $0 }
            let view = ReceiptView(
                item: itemID, category: labels.category(category), place: try self.place(of: item),
                grid: grid.flatMap { handler.community.gridName($0) } ?? labels.word(.communityGrid),
                gridWorkerNames: workerNames.isEmpty ? nil : workerNames.joined(separator: "、"),
                due: due(item.dueAt), points: points > 0 ? points : nil,
                pointsOnVerify: handler.store.rules.reportVerified,
                missingPlace: place.estate == nil && place.landmark == nil && place.lat == nil
                    && message.location == nil)
            return (
                [
                    ReplyDraft(
                        text: try renderer.render(.receipt, view),
                        mentions: [member.platformID] + workers.filter { $0 != member.platformID })
                ], itemID
            )
        }
    }

    private func answer(_ parsed: ParseResult) throws -> ReplyDraft {
        switch parsed.query ?? .help {
        case .points:
            let balance = try tx.balance(memberID: memberID)
            let boards = PointsBoard.allCases.compactMap { board -> BoardPointsView? in
                guard let points = balance.byBoard[board], points != 0 else { return nil }
                return BoardPointsView(label: labels.board(board), points: points)
            }
            return try toSender(.points, PointsView(name: member.name, total: balance.total, boards: boards))
        case .leaderboard:
            let since = handler.config.startOfWeek(containing: tx.now)
            let rows = try tx.leaderboard(since: since, limit: 10)
            let view = LeaderboardView(
                title: labels.word(.leaderboardWeek),
                rows: rows.enumerated().map {
                    LeaderRowView(rank: $0.offset + 1, name: $0.element.member.name, points: $0.element.points)
                })
            return try toSender(.leaderboard, view)
        case .todo:
            let items = try tx.todo(memberID: memberID)
            let views = try items.map {
                TodoItemView(
                    id: $0.id ?? 0, category: labels.category($0.category), place: try place(of: $0),
                    status: labels.status($0.status))
            }
            return try toSender(.todo, TodoView(name: member.name, count: views.count, items: views))
        case .itemStatus:
            guard let ref = parsed.itemRef else { return try askForItem(.exampleStatus) }
            guard let item = try tx.item(id: Int64(ref)) else { throw BoardError.noSuchItem(Int64(ref)) }
            let claimant = try item.claimantID.flatMap { try tx.member(id: $0) }
            return try toSender(
                .itemStatus,
                ItemStatusView(
                    id: Int64(ref), category: labels.topic(of: item),
                    place: try place(of: item), status: labels.status(item.status), claimant: claimant?.name))
        case .help:
            return try toSender(.help, EmptyView())
        }
    }

    private func askForItem(_ example: Word) throws -> ReplyDraft {
        try toSender(.needItemRef, ExampleView(example: labels.word(example)))
    }

    /// Renders a template addressed to the sender (the window logic uses it for its own replies too).
    func toSender(_ template: ReplyTemplate, _ view: Any) throws -> ReplyDraft {
        ReplyDraft(text: try renderer.render(template, view), mentions: [member.platformID])
    }

    func place(of item: Item) throws -> String {
        try actions.place(of: item)
    }

    private func due(_ date: Date?) -> String {
        actions.due(date)
    }
}
