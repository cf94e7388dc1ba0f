import Foundation
import Hummingbird
import TaskBoard

/// Read API for the secretary's tools, behind the admin bearer token.
struct APIController: Sendable {
    let store: BoardStore
    let config: AppConfig

    var routes: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
            .add(middleware: BearerTokenMiddleware(tokens: [config.admin.token]))
        routes.get("items", use: items)
        routes.get("items/{id}", use: item)
        routes.get("members/{id}/points", use: points)
        routes.get("leaderboard", use: leaderboard)
        return routes
    }

    struct ItemList: Encodable {
        var items: [Item]
        var limit: Int
        var offset: Int
    }

    @Sendable func items(request: Request, context: AppRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        var statuses: [ItemStatus]?
        if let raw = query.get("status"), !raw.isEmpty {
            var parsed: [ItemStatus] = []
            for name in raw.split(separator: ",") {
                guard let status = ItemStatus(rawValue: String(name)) else {
                    return JSONResponse.error(
                        .badRequest,
                        "unknown status \(name); use \(ItemStatus.allCases.map(\.rawValue).joined(separator: ","))")
                }
                parsed.append(status)
            }
            statuses = parsed
        }
        let limit = min(max(query.get("limit", as: Int.self) ?? 50, 1), 500)
        let offset = max(query.get("offset", as: Int.self) ?? 0, 0)
        let items = try await store.read { [statuses] tx in try tx.items(status: statuses, limit: limit, offset: offset)
        }
        return try JSONResponse.make(ItemList(items: items, limit: limit, offset: offset))
    }

    struct ItemBody: Encodable {
        var item: Item
        var reporter: Member
        var claimant: Member?
        var timeline: [TimelineEvent]
        var photos: [Photo]
    }

    @Sendable func item(request: Request, context: AppRequestContext) async throws -> Response {
        guard let id = context.parameters.get("id", as: Int64.self) else {
            return JSONResponse.error(.badRequest, "item id must be a number")
        }
        guard let detail = try await store.read({ tx in try tx.detail(itemID: id) }) else {
            return JSONResponse.error(.notFound, "no item #\(id)")
        }
        return try JSONResponse.make(
            ItemBody(
                item: detail.item, reporter: detail.reporter, claimant: detail.claimant, timeline: detail.events,
                photos: detail.photos))
    }

    struct PointsBody: Encodable {
        var member: Member
        var balance: [String: Int]
        var total: Int
        var ledger: [LedgerEntry]
    }

    /// `{id}` is the member's platform sender id, or the board's numeric member id.
    @Sendable func points(request: Request, context: AppRequestContext) async throws -> Response {
        guard let key = context.parameters.get("id") else { return JSONResponse.error(.badRequest, "member id") }
        let body: PointsBody? = try await store.read { tx in
            let member = try tx.member(platformID: key) ?? Int64(key).flatMap { try? tx.member(id: $0) }
            guard let member, let memberID = member.id else { return nil }
            let balance = try tx.balance(memberID: memberID)
            return PointsBody(
                member: member,
                balance: Dictionary(uniqueKeysWithValues: balance.byBoard.map { ($0.key.rawValue, $0.value) }),
                total: balance.total, ledger: try tx.ledger(memberID: memberID, limit: 500))
        }
        guard let body else { return JSONResponse.error(.notFound, "no member \(key)") }
        return try JSONResponse.make(body)
    }

    struct LeaderboardBody: Encodable {
        var period: String
        var since: Date?
        var rows: [Row]

        struct Row: Encodable {
            var rank: Int
            var memberID: Int64
            var platformID: String
            var name: String
            var points: Int
        }
    }

    @Sendable func leaderboard(request: Request, context: AppRequestContext) async throws -> Response {
        let period = request.uri.queryParameters.get("period") ?? "week"
        let config = config
        let rows: LeaderboardBody? = try await store.read { tx in
            let since: Date?
            switch period {
            case "week": since = config.startOfWeek(containing: tx.now)
            case "month": since = config.startOfMonth(containing: tx.now)
            case "all": since = nil
            default: return nil
            }
            let rows = try tx.leaderboard(since: since, limit: 50)
            return LeaderboardBody(
                period: period, since: since,
                rows: rows.enumerated().map {
                    .init(
                        rank: $0.offset + 1, memberID: $0.element.member.id ?? 0,
                        platformID: $0.element.member.platformID, name: $0.element.member.name,
                        points: $0.element.points)
                })
        }
        guard let rows else { return JSONResponse.error(.badRequest, "period must be week, month or all") }
        return try JSONResponse.make(rows)
    }
}
