import Foundation
import HTTPTypes
import Hummingbird
import IntentParser
import NIOCore
import TaskBoard

/// `/board/items`: the filtered, sorted, paged list, and the same list as CSV.
struct ItemListController: Sendable {
    let site: BoardSite

    var routes: RouteCollection<BoardRequestContext> {
        let routes = RouteCollection(context: BoardRequestContext.self)
        routes.get("items", use: list)
        routes.get("items.csv", use: csv)
        return routes
    }

    struct SortLink: Sendable {
        var label: String
        var href: String
        var active: Bool
    }

    struct ListView: Sendable {
        var rows: [ItemRowView]
        var total: Int
        var page: Int
        var pages: Int
        var previous: String?
        var next: String?
        var csv: String
        var statuses: [FormOption]
        var kinds: [FormOption]
        var categories: [FormOption]
        var grids: [FormOption]
        var estates: [String]
        var sorts: [SortLink]
        var estate: String?
        var reporter: String?
        var claimant: String?
        var from: String?
        var to: String?
        var text: String?
        var overdue: Bool
        var isEmpty: Bool
    }

    @Sendable func list(request: Request, context: BoardRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let filters = ItemFilters(FormFields(encoded: request.uri.query ?? ""))
        let format = BoardFormat(config: site.config)
        let site = site
        let (page, members, now) = try await site.store.read { tx in
            let page = try tx.searchItems(try filters.query(for: user, format: format, tx: tx, paged: true))
            let ids = page.items.flatMap { [$0.reporterID, $0.claimantID].compactMap { $0 } }
            return (page, try tx.membersByID(ids), tx.now)
        }
        let pages = max(1, (page.total + ItemFilters.pageSize - 1) / ItemFilters.pageSize)
        let labels = site.labels
        let statusOrder: [ItemStatus] = [.open, .claimed, .submitted, .escalated, .closed, .merged, .cancelled]
        let view = ListView(
            rows: page.items.map { ItemRowView($0, members: members, site: site, format: format, now: now) },
            total: page.total, page: filters.page, pages: pages,
            previous: filters.page > 1 ? "/board/items?" + filters.queryString(page: filters.page - 1) : nil,
            next: filters.page < pages ? "/board/items?" + filters.queryString(page: filters.page + 1) : nil,
            csv: "/board/items.csv?" + filters.queryString(page: 1),
            statuses: statusOrder.map {
                FormOption(
                    value: $0.rawValue, label: labels.status($0),
                    selected: filters.statuses.contains($0.rawValue))
            },
            kinds: ItemKind.allCases.map {
                FormOption(value: $0.rawValue, label: labels.kind($0), selected: filters.kind == $0.rawValue)
            },
            categories: labels.categories.codes.map {
                FormOption(value: $0, label: labels.category($0), selected: filters.category == $0)
            },
            grids: site.community.gazetteer.grids.filter { user.mayAccess(grid: $0.id) }.map {
                FormOption(value: $0.id, label: $0.name, selected: filters.grid == $0.id)
            },
            estates: site.community.gazetteer.grids.filter { user.mayAccess(grid: $0.id) }.flatMap {
                $0.estates.map(\.name)
            },
            sorts: ItemSort.allCases.map {
                SortLink(
                    label: labels.sorts[$0],
                    href: "/board/items?" + filters.queryString(page: 1, sort: $0),
                    active: $0 == filters.sort)
            },
            estate: filters.estate, reporter: filters.reporter, claimant: filters.claimant, from: filters.from,
            to: filters.to, text: filters.text, overdue: filters.overdue, isEmpty: page.items.isEmpty)
        return try await site.page(
            .items, view, request: request, context: context, section: .items, title: labels.sections[.items])
    }

    /// Every matching item, UTF-8 with a BOM so Excel opens the Chinese correctly.
    @Sendable func csv(request: Request, context: BoardRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let filters = ItemFilters(FormFields(encoded: request.uri.query ?? ""))
        let format = BoardFormat(config: site.config)
        let site = site
        let labels = site.labels
        let text = try await site.store.read { tx in
            var csv = CSVWriter()
            csv.row(labels.word(.csvItemsHeader).split(separator: ",").map(String.init))
            let query = try filters.query(for: user, format: format, tx: tx, paged: false)
            var cache: [Int64: Member] = [:]
            func name(_ id: Int64?) throws -> String {
                guard let id else { return "" }
                if let member = cache[id] { return member.name }
                let member = try tx.member(id: id)
                cache[id] = member
                return member?.name ?? ""
            }
            try tx.forEachItem(matching: query) { item in
                let row = ItemRowView(item, members: [:], site: site, format: format, now: tx.now)
                csv.row([
                    "\(row.id)", row.kind, row.status, row.category, item.estate ?? "", item.building ?? "",
                    item.unit ?? "", item.landmark ?? "", row.grid, item.lat.map { "\($0)" } ?? "",
                    item.lon.map { "\($0)" } ?? "", item.text, try name(item.reporterID), try name(item.claimantID),
                    row.created, row.due ?? "", row.closed ?? "", row.overdue ? labels.word(.yes) : "",
                    item.duplicateOf.map { "#\($0)" } ?? "", item.escalatedTo ?? "",
                ])
            }
            return csv.text
        }
        return CSVWriter.response(text, filename: "items.csv")
    }
}
