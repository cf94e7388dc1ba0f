import Foundation
import Hummingbird
import IntentParser
import TaskBoard

/// `/board`: what needs attention now, how the week went, and who led it.
struct OverviewController: Sendable {
    let site: BoardSite

    func register(on group: RouterGroup<BoardRequestContext>) {
        group.get("", use: overview)
        group.get("overview", use: overview)
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
    }

    @Sendable func overview(request: Request, context: BoardRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let config = site.config
        let overview = try await site.store.read { tx in
            try tx.overview(weekStart: config.startOfWeek(containing: tx.now), grids: user.grids)
        }
        let labels = site.labels
        let format = BoardFormat(config: config)
        let weekFrom = format.day(overview.weekStart) ?? ""
        func stat(_ key: String, _ count: Int, _ href: String, _ tone: String = "") -> OverviewView.Stat {
            OverviewView.Stat(label: labels.word(key), count: count, href: href, tone: tone, id: "stat-\(key)")
        }
        let view = OverviewView(
            now: [
                stat("stat_open", overview.open, "/board/items?status=open", overview.open > 0 ? "warn" : ""),
                stat("stat_claimed", overview.claimed, "/board/items?status=claimed"),
                stat(
                    "stat_submitted", overview.submitted, "/board/items?status=submitted",
                    overview.submitted > 0 ? "warn" : ""),
                stat("stat_escalated", overview.escalated, "/board/items?status=escalated"),
                stat("stat_overdue", overview.overdue, "/board/items?overdue=1", overview.overdue > 0 ? "bad" : "ok"),
            ],
            week: [
                stat("stat_reported_week", overview.reportedThisWeek, "/board/items?from=\(weekFrom)"),
                stat(
                    "stat_closed_week", overview.closedThisWeek, "/board/items?status=closed&sort=recentlyClosed", "ok"),
            ],
            resolutionRate: overview.resolutionRate.map { String(format: "%.0f%%", $0 * 100) },
            medianToClose: BoardFormat.duration(overview.medianSecondsToClose, labels: labels),
            weekStart: weekFrom,
            categories: BarChartView(
                title: labels.word("chart_categories"),
                rows: overview.categories.map {
                    (
                        labels.category($0.label), $0.count,
                        $0.label.map { "/board/items?category=\($0)&from=\(weekFrom)" }
                    )
                }),
            grids: BarChartView(
                title: labels.word("chart_grids"),
                rows: overview.grids.map {
                    (
                        $0.label.map { site.useCases.router.gridName($0) ?? $0 } ?? labels.word("no_grid"), $0.count,
                        $0.label.map { "/board/items?grid=\($0)&from=\(weekFrom)" }
                    )
                }),
            champion: overview.champion?.member.name, championPoints: overview.champion?.points)
        return try await site.page(
            "board/overview", view, request: request, context: context, section: .overview,
            title: labels.word("nav_overview"))
    }
}
