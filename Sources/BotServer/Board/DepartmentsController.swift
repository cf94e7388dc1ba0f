import Foundation
import Hummingbird
import TaskBoard

/// `/board/departments`: 吹哨报到 per department over a date range (`from`, `to`, days inclusive; the
/// last 30 days by default): raised, answered, solved, the median time to the first answer, and what
/// waits past the department's deadline now.
struct DepartmentsController: Sendable {
    let site: BoardSite

    var routes: RouteCollection<BoardRequestContext> {
        let routes = RouteCollection(context: BoardRequestContext.self)
        routes.get("departments", use: show)
        return routes
    }

    struct Row: Sendable {
        var name: String
        var deadlineHours: Int?
        var raised: Int
        var answered: Int
        var solved: Int
        var medianAnswer: String?
        var overdue: Int
    }

    struct DepartmentsView: Sendable {
        var from: String
        var to: String
        var rows: [Row]
    }

    @Sendable func show(request: Request, context: BoardRequestContext) async throws -> Response {
        _ = try context.requireUser()
        let fields = FormFields(encoded: request.uri.query ?? "")
        let config = site.config
        let format = BoardFormat(config: config)
        let labels = site.labels
        let (period, stats) = try await site.store.read { tx in
            let today = config.calendar.startOfDay(for: tx.now)
            let lastThirtyDays = DateInterval(
                start: today.addingTimeInterval(-29 * 86_400), end: today.addingTimeInterval(86_400))
            let period: ReportPeriod
            do {
                period = try ReportPeriod(
                    fields, now: tx.now, config: config, format: format, otherwise: lastThirtyDays)
            } catch {
                throw HTTPError(.badRequest, message: labels.word(.reportBadPeriod))
            }
            return (period, try tx.departmentStats(from: period.start, to: period.end))
        }
        let byName = Dictionary(stats.map { ($0.department, $0) }, uniquingKeysWith: { first, _ in first })
        // Every configured department, in the configured order, then any other name items went to.
        let configured = config.escalation.departments
        let names =
            configured.map(\.name)
            + stats.map(\.department).filter { config.escalation.department(of: $0) == nil }
        let rows = names.map { name in
            let s = byName[name]
            return Row(
                name: name, deadlineHours: config.escalation.department(of: name)?.deadlineHours,
                raised: s?.raised ?? 0, answered: s?.answered ?? 0, solved: s?.solved ?? 0,
                medianAnswer: BoardFormat.duration(s?.medianAnswerSeconds, labels: labels), overdue: s?.overdue ?? 0)
        }
        let last = config.calendar.date(byAdding: .day, value: -1, to: period.end) ?? period.end
        let view = DepartmentsView(from: format.day(period.start) ?? "", to: format.day(last) ?? "", rows: rows)
        return try await site.page(
            .departments, view, request: request, context: context, section: .departments,
            title: labels.sections[.departments])
    }
}
