import Foundation
import Hummingbird
import TaskBoard

/// `/board/setup`: where a community is set up without editing files — the pages for places,
/// people, groups, accounts and settings, and the audit log of every change made there.
struct SetupController: Sendable {
    let site: BoardSite
    /// Audit entries on one page.
    static let pageSize = 50

    var routes: RouteCollection<BoardRequestContext> {
        let routes = RouteCollection(context: BoardRequestContext.self)
        routes.get("setup", use: show)
        return routes
    }

    struct AuditRow: Sendable {
        var at: String
        var actor: String
        var action: String
        var subject: String
        var detail: String
    }

    struct SetupView: Sendable {
        var isSecretary: Bool
        var entries: [AuditRow]
        var hasEntries: Bool
        var newer: Int?
        var older: Int?
    }

    @Sendable func show(request: Request, context: BoardRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let page = max(0, FormFields(encoded: request.uri.query ?? "").int("page") ?? 0)
        let (entries, total) = try await site.store.read { tx in
            (try tx.auditLog(limit: Self.pageSize, offset: page * Self.pageSize), try tx.auditLogCount())
        }
        let format = BoardFormat(config: site.config)
        let labels = site.labels
        let rows = entries.map {
            AuditRow(
                at: format.dateTime($0.at) ?? "", actor: $0.actor, action: labels.audit[code: $0.change.action],
                subject: $0.change.subject, detail: $0.change.detail)
        }
        let view = SetupView(
            isSecretary: user.role == .secretary, entries: rows, hasEntries: !rows.isEmpty,
            newer: page > 0 ? page - 1 : nil, older: (page + 1) * Self.pageSize < total ? page + 1 : nil)
        return try await site.page(
            .setup, view, request: request, context: context, section: .setup, title: labels.sections[.setup])
    }
}
