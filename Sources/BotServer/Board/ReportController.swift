import Foundation
import Hummingbird
import TaskBoard

/// `/board/report` and `/board/report.csv`: the 研判 report of any past week or range of days —
/// the numbers Monday's message gives, with their charts, printable, and as a spreadsheet.
struct ReportController: Sendable {
    let site: BoardSite

    var routes: RouteCollection<BoardRequestContext> {
        let routes = RouteCollection(context: BoardRequestContext.self)
        routes.get("report", use: page)
        routes.get("report.csv", use: csv)
        return routes
    }

    struct ReportView: Sendable {
        struct Stat: Sendable {
            var label: String
            var value: String
            var id: String
        }

        var from: String
        var to: String
        var stats: [Stat]
        var categories: BarChartView
        var grids: BarChartView
        var escalations: BarChartView
        var overdue: [CalendarItemView.Line]
        var hasOverdue: Bool
        var reportsChampion: ChampionView?
        var serviceChampion: ChampionView?
        var previous: String
        var next: String?
        var csv: String
        var itemsLink: String
        /// The same days on the departments page: raised, answered, solved and answer times.
        var departmentsLink: String
    }

    @Sendable func page(request: Request, context: BoardRequestContext) async throws -> Response {
        _ = try context.requireUser()
        let (period, report, now) = try await read(request)
        let view = try reportView(period, report, now: now)
        return try await site.page(
            .report, view, request: request, context: context, section: .report,
            title: site.labels.sections[.report])
    }

    @Sendable func csv(request: Request, context: BoardRequestContext) async throws -> Response {
        _ = try context.requireUser()
        let (period, report, now) = try await read(request)
        let view = try reportView(period, report, now: now)
        let labels = site.labels
        var csv = CSVWriter()
        csv.row(labels.word(.csvReportHeader).split(separator: ",").map(String.init))
        let span = "\(view.from)~\(view.to)"
        for stat in view.stats { csv.row([span, labels.word(.reportSummary), stat.label, stat.value]) }
        for chart in [view.categories, view.grids, view.escalations] {
            for bar in chart.bars { csv.row([span, chart.title, bar.label, "\(bar.count)"]) }
        }
        for row in view.overdue {
            csv.row([span, labels.word(.reportOverdue), "#\(row.item) \(row.topic) \(row.place)", row.due])
        }
        for (board, champion) in [(PointsBoard.reports, view.reportsChampion), (.service, view.serviceChampion)] {
            guard let champion else { continue }
            csv.row([span, labels.board(board), champion.name, "\(champion.points)"])
        }
        return CSVWriter.response(csv.text, filename: "report-\(view.from)-\(view.to).csv")
    }

    private func read(_ request: Request) async throws -> (ReportPeriod, WeekReport, now: Date) {
        let config = site.config
        let format = BoardFormat(config: config)
        let fields = FormFields(encoded: request.uri.query ?? "")
        return try await site.store.read { tx in
            let period: ReportPeriod
            do {
                period = try ReportPeriod(fields, now: tx.now, config: config, format: format)
            } catch {
                throw HTTPError(.badRequest, message: site.labels.word(.reportBadPeriod))
            }
            return (period, try tx.weekReport(from: period.start, to: period.end), tx.now)
        }
    }

    private func reportView(_ period: ReportPeriod, _ report: WeekReport, now: Date) throws -> ReportView {
        let config = site.config
        let labels = site.labels
        let replies = site.useCases.replies
        let format = BoardFormat(config: config)
        let calendar = config.calendar
        let last = calendar.date(byAdding: .day, value: -1, to: period.end) ?? period.end
        let (from, to) = (format.day(period.start) ?? "", format.day(last) ?? "")
        let range = "from=\(from)&to=\(to)"
        func stat(_ word: Word, _ value: String) -> ReportView.Stat {
            ReportView.Stat(label: labels.word(word), value: value, id: "report-\(word.rawValue)")
        }
        func chart(_ word: Word, _ rows: [CountRow], name: (String?) -> String, link: ((String) -> String)?)
            -> BarChartView
        {
            BarChartView(
                title: labels.word(word),
                rows: rows.map { row in (name(row.label), row.count, row.label.flatMap { label in link?(label) }) },
                empty: labels.word(.reportNoData))
        }
        let router = site.useCases.router
        let next = period.shifted(by: 1, in: calendar)
        return ReportView(
            from: from, to: to,
            stats: [
                stat(.reportReported, "\(report.reported)"),
                stat(.reportClosed, "\(report.closed)"),
                stat(.reportOnTime, report.onTimeRate.map { String(format: "%.0f%%", $0 * 100) } ?? "—"),
                stat(.reportEscalated, "\(report.escalations.reduce(0) { $0 + $1.count })"),
                stat(.reportOverdue, "\(report.overdue.count)"),
            ],
            categories: chart(
                .reportByCategory, report.categories, name: { labels.category($0) },
                link: { "/board/items?category=\($0)&\(range)" }),
            grids: chart(
                .reportByGrid, report.grids,
                name: { $0.map { router.gridName($0) ?? $0 } ?? labels.word(.noGrid) },
                link: { "/board/items?grid=\($0)&\(range)" }),
            escalations: chart(
                .reportByDepartment, report.escalations, name: { $0 ?? labels.word(.unknownName) }, link: nil),
            overdue: try report.overdue.map {
                CalendarItemView.Line(
                    item: $0.number, topic: labels.topic(of: $0), place: try replies.place(of: $0),
                    due: format.dateTime($0.dueAt) ?? "-")
            },
            hasOverdue: !report.overdue.isEmpty,
            reportsChampion: report.reportsChampion.map { replies.championView($0, of: .reports) },
            serviceChampion: report.serviceChampion.map { replies.championView($0, of: .service) },
            previous: "/board/report?" + period.shifted(by: -1, in: calendar).query(format, calendar: calendar),
            // A period still under way is not a report yet: no link past the current week.
            next: next.start < config.startOfWeek(containing: now)
                ? "/board/report?" + next.query(format, calendar: calendar) : nil,
            csv: "/board/report.csv?\(range)",
            itemsLink: "/board/items?\(range)", departmentsLink: "/board/departments?\(range)")
    }
}
