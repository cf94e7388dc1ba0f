import Foundation
import Hummingbird
import IntentParser
import TaskBoard

/// `/board`: what needs attention now, how the week went, and who led it.
struct OverviewController: Sendable {
    let site: BoardSite

    var routes: RouteCollection<BoardRequestContext> {
        let routes = RouteCollection(context: BoardRequestContext.self)
        routes.get("", use: overview)
        routes.get("overview", use: overview)
        return routes
    }

    struct OverviewView: Sendable {
        struct Stat: Sendable {
            var label: String
            var count: Int
            var href: String
            var tone: String
            var id: String
        }

        var now: [Stat]
        var week: [Stat]
        var resolutionRate: String?
        var medianToClose: String?
        var weekStart: String
        var categories: BarChartView
        var grids: BarChartView
        var champion: String?
        var championPoints: Int?
        /// What members gave the 信用银行, less what it spent.
        var creditBank: Int
    }

    @Sendable func overview(request: Request, context: BoardRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let config = site.config
        let (overview, creditBank) = try await site.store.read { tx in
            (
                try tx.overview(weekStart: config.startOfWeek(containing: tx.now), grids: user.grids),
                try tx.creditBankBalance()
            )
        }
        let labels = site.labels
        let format = BoardFormat(config: config)
        let weekFrom = format.day(overview.weekStart) ?? ""
        func stat(_ word: Word, _ count: Int, _ href: String, _ tone: String = "") -> OverviewView.Stat {
            OverviewView.Stat(
                label: labels.word(word), count: count, href: href, tone: tone, id: "stat-\(word.rawValue)")
        }
        let view = OverviewView(
            now: [
                stat(.statOpen, overview.open, "/board/items?status=open", overview.open > 0 ? "warn" : ""),
                stat(.statClaimed, overview.claimed, "/board/items?status=claimed"),
                stat(
                    .statSubmitted, overview.submitted, "/board/items?status=submitted",
                    overview.submitted > 0 ? "warn" : ""),
                stat(.statEscalated, overview.escalated, "/board/items?status=escalated"),
                stat(.statOverdue, overview.overdue, "/board/items?overdue=1", overview.overdue > 0 ? "bad" : "ok"),
            ],
            week: [
                stat(.statReportedWeek, overview.reportedThisWeek, "/board/items?from=\(weekFrom)"),
                stat(.statClosedWeek, overview.closedThisWeek, "/board/items?status=closed&sort=recentlyClosed", "ok"),
            ],
            resolutionRate: overview.resolutionRate.map { String(format: "%.0f%%", $0 * 100) },
            medianToClose: BoardFormat.duration(overview.medianSecondsToClose, labels: labels),
            weekStart: weekFrom,
            categories: BarChartView(
                title: labels.word(.chartCategories),
                rows: overview.categories.map {
                    (
                        labels.category($0.label), $0.count,
                        $0.label.map { "/board/items?category=\($0)&from=\(weekFrom)" }
                    )
                }),
            grids: BarChartView(
                title: labels.word(.chartGrids),
                rows: overview.grids.map {
                    (
                        $0.label.map { site.useCases.router.gridName($0) ?? $0 } ?? labels.word(.noGrid), $0.count,
                        $0.label.map { "/board/items?grid=\($0)&from=\(weekFrom)" }
                    )
                }),
            champion: overview.champion?.member.name, championPoints: overview.champion?.points, creditBank: creditBank)
        return try await site.page(
            .overview, view, request: request, context: context, section: .overview,
            title: labels.sections[.overview])
    }
}
