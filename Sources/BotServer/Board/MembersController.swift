import Foundation
import Hummingbird
import Logging
import TaskBoard

/// `/board/members`, `/board/leaderboard`, `/board/exchange` and `/board/ledger.csv`: people,
/// their points and the yearly duty, registrations to approve, activities and exchanges to record.
struct MembersController: Sendable {
    let site: BoardSite

    var routes: RouteCollection<BoardRequestContext> {
        let routes = RouteCollection(context: BoardRequestContext.self)
        routes.get("members", use: members)
        routes.post("members/{id}/approve", use: approve)
        routes.post("activities", use: recordActivity)
        routes.get("leaderboard", use: leaderboard)
        routes.get("exchange", use: exchangePage)
        routes.post("exchange", use: exchange)
        routes.get("ledger.csv", use: ledgerCSV)
        return routes
    }

    struct MemberRow: Sendable {
        var id: Int64
        var name: String
        var role: String
        var grid: String?
        var reports: Int
        var service: Int
        var balance: Int
        var tasks: Int
        var activities: Int
        var hasDuty: Bool
        var dutyMet: Bool
        var pending: Bool
        var registered: String?
    }

    struct MembersView: Sendable {
        var pending: [MemberRow]
        var hasPending: Bool
        var rows: [MemberRow]
        var members: [FormOption]
        var isSecretary: Bool
        var today: String
        var year: String
    }

    @Sendable func members(request: Request, context: BoardRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let config = site.config
        let summaries = try await site.store.read { tx in
            let yearStart = config.startOfYear(containing: tx.now)
            return try tx.memberSummaries(yearStart: yearStart, grids: user.grids)
        }
        let labels = site.labels
        let format = BoardFormat(config: config)
        let rows = summaries.filter { !$0.member.platformID.hasPrefix("board:") }.map { summary in
            MemberRow(
                id: summary.member.id ?? 0, name: summary.member.name, role: labels.role(summary.member.role),
                grid: summary.member.grid.map { site.useCases.router.gridName($0) ?? $0 },
                reports: summary.balance.byBoard[.reports] ?? 0, service: summary.balance.byBoard[.service] ?? 0,
                balance: summary.balance.total, tasks: summary.tasksCompleted, activities: summary.activities,
                hasDuty: summary.hasDuty, dutyMet: summary.dutyMet, pending: summary.pendingRegistration,
                registered: format.dateTime(summary.member.registeredAt))
        }
        let now = Date()
        let view = MembersView(
            pending: rows.filter(\.pending), hasPending: rows.contains(where: \.pending), rows: rows,
            members: rows.filter { $0.hasDuty || $0.pending }.map {
                FormOption(value: "\($0.id)", label: $0.name, selected: false)
            },
            isSecretary: user.role == .secretary, today: format.day(now) ?? "",
            year: String(config.calendar.component(.year, from: now)))
        return try await site.page(
            .members, view, request: request, context: context, section: .members,
            title: labels.sections[.members])
    }

    @Sendable func approve(request: Request, context: BoardRequestContext) async throws -> Response {
        let user = try context.requireUser()
        guard let id = context.parameters.get("id", as: Int64.self) else { throw HTTPError(.notFound) }
        return try await site.perform(user: user, context: context, back: "/board/members", what: "approve \(id)") {
            tx, actor in
            let member = try tx.approveRegistration(memberID: id, by: actor.id ?? 0)
            // The member hears it where they last spoke, so they know they may claim now.
            if let last = try tx.lastGroup(ofSender: member.platformID),
                site.config.group(channel: last.channel, id: last.groupID) != nil
            {
                let words = try site.useCases.replies.render(.registrationApproved, NameView(name: member.name))
                try site.useCases.queue.announce(
                    [ReplyDraft(text: words, mentions: [member.platformID])], channel: last.channel,
                    groupID: last.groupID, tx: tx)
            }
            return site.labels.say(.approved(name: member.name))
        }
    }

    @Sendable func recordActivity(request: Request, context: BoardRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let form = context.form
        let format = BoardFormat(config: site.config)
        let site = site
        return try await site.perform(user: user, context: context, back: "/board/members", what: "activity") {
            tx, actor in
            guard let memberID = form.int64("member") else { throw BoardFormError.missingMember }
            let heldOn = format.parseDay(form["held_on"]) ?? tx.now
            _ = try tx.recordActivity(memberID: memberID, name: form["name"] ?? "", heldOn: heldOn, by: actor.id ?? 0)
            return site.labels.word(.doneActivity)
        }
    }

    struct LeaderboardView: Sendable {
        struct Row: Sendable {
            var rank: Int
            var name: String
            var role: String
            var points: Int
        }

        var periods: [FormOption]
        var boards: [FormOption]
        var title: String
        var rows: [Row]
        var isEmpty: Bool
    }

    @Sendable func leaderboard(request: Request, context: BoardRequestContext) async throws -> Response {
        _ = try context.requireUser()
        let query = FormFields(encoded: request.uri.query ?? "")
        let period = query["period"].flatMap(LeaderboardPeriod.init(rawValue:)) ?? .week
        // Nil: both boards a member earns on.
        let board = query["board"].flatMap(PointsBoard.init(rawValue:)).flatMap {
            [.reports, .service].contains($0) ? $0 : nil
        }
        let config = site.config
        let rows = try await site.store.read { tx in
            let since: Date =
                switch period {
                case .month: config.startOfMonth(containing: tx.now)
                case .year: config.startOfYear(containing: tx.now)
                case .week: config.startOfWeek(containing: tx.now)
                }
            return try tx.leaderboard(since: since, boards: board.map { [$0] } ?? [.reports, .service], limit: 50)
        }
        let labels = site.labels
        let boardName = { (board: PointsBoard?) in board.map(labels.board) ?? labels.word(.boardAll) }
        let boardCode = board?.rawValue ?? "all"
        let view = LeaderboardView(
            periods: LeaderboardPeriod.allCases.map {
                FormOption(
                    value: "/board/leaderboard?period=\($0.rawValue)&board=\(boardCode)", label: labels.periods[$0],
                    selected: $0 == period)
            },
            boards: [nil, PointsBoard.reports, .service].map {
                FormOption(
                    value: "/board/leaderboard?period=\(period.rawValue)&board=\($0?.rawValue ?? "all")",
                    label: boardName($0), selected: $0 == board)
            },
            title: labels.say(.leaderboardTitle(period: labels.periods[period], board: boardName(board))),
            rows: rows.enumerated().map {
                LeaderboardView.Row(
                    rank: $0.offset + 1, name: $0.element.member.name,
                    role: labels.role($0.element.member.role),
                    points: $0.element.points)
            },
            isEmpty: rows.isEmpty)
        return try await site.page(
            .leaderboard, view, request: request, context: context, section: .leaderboard,
            title: labels.sections[.leaderboard])
    }

    struct ExchangeView: Sendable {
        struct Entry: Sendable {
            var when: String
            var name: String
            var points: Int
            var goods: String?
        }

        var members: [FormOption]
        var catalog: [FormOption]
        var recent: [Entry]
        var isSecretary: Bool
    }

    @Sendable func exchangePage(request: Request, context: BoardRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let (members, recent) = try await site.store.read { tx in
            let members = user.role == .secretary ? try tx.members().filter { !$0.platformID.hasPrefix("board:") } : []
            var balances: [Int64: Int] = [:]
            for member in members { if let id = member.id { balances[id] = try tx.balance(memberID: id).total } }
            let page = try tx.ledgerPage(memberID: nil, limit: 200, offset: 0)
            let exchanged = page.entries.filter { $0.reason == .exchange }
            let names = try tx.membersByID(exchanged.map(\.memberID))
            return (
                members.compactMap { member in member.id.map { (member, balances[$0] ?? 0) } },
                exchanged.map { ($0, names[$0.memberID]?.name ?? "") }
            )
        }
        let format = BoardFormat(config: site.config)
        let labels = site.labels
        let view = ExchangeView(
            members: members.map { member, balance in
                FormOption(
                    value: "\(member.id ?? 0)",
                    label: labels.say(.memberBalance(name: member.name, points: balance)), selected: false)
            },
            catalog: site.exchangeCatalog.enumerated().map {
                FormOption(
                    value: "\($0.offset)",
                    label: labels.say(.catalogOption(name: $0.element.name, points: $0.element.cost)), selected: false)
            },
            recent: recent.map {
                ExchangeView.Entry(
                    when: format.dateTime($0.0.createdAt) ?? "", name: $0.1, points: -$0.0.delta, goods: $0.0.note)
            },
            isSecretary: user.role == .secretary)
        return try await site.page(
            .exchange, view, request: request, context: context, section: .exchange,
            title: labels.sections[.exchange])
    }

    @Sendable func exchange(request: Request, context: BoardRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let form = context.form
        let site = site
        let catalog = site.exchangeCatalog
        return try await site.perform(user: user, context: context, back: "/board/exchange", what: "exchange") {
            tx, actor in
            guard let memberID = form.int64("member"), try tx.member(id: memberID) != nil else {
                throw BoardFormError.missingMember
            }
            guard let index = form.int("entry"), catalog.indices.contains(index) else {
                throw BoardFormError.missingTarget
            }
            let entry = catalog[index]
            let happened = try site.useCases.commands(in: tx, by: actor).exchange(
                memberID: memberID, goods: entry.name, cost: entry.cost)
            return try site.useCases.replies.reply(to: happened, by: actor, in: .board).text
        }
    }

    /// The whole ledger, UTF-8 with a BOM for Excel.
    @Sendable func ledgerCSV(request: Request, context: BoardRequestContext) async throws -> Response {
        let user = try context.requireUser()
        guard user.role == .secretary else { throw HTTPError(.forbidden) }
        let format = BoardFormat(config: site.config)
        let labels = site.labels
        let text = try await site.store.read { tx in
            var csv = CSVWriter()
            csv.row(labels.word(.csvLedgerHeader).split(separator: ",").map(String.init))
            try tx.forEachLedgerEntry(since: nil, until: nil) { entry, member in
                csv.row([
                    "\(entry.id ?? 0)", format.dateTime(entry.createdAt) ?? "", member.name, member.platformID,
                    labels.board(entry.board), "\(entry.delta)",
                    labels.ledgerReasons[entry.reason],
                    entry.itemID.map { "#\($0)" } ?? "", entry.note ?? "",
                ])
            }
            return csv.text
        }
        return CSVWriter.response(text, filename: "ledger.csv")
    }
}
