import Foundation
import TaskBoard

/// The item list's filters as the URL carries them, so a filtered list, its next page and its
/// CSV export are the same link with another path.
struct ItemFilters: Sendable {
    var statuses: [String] = []
    var kind: String?
    var category: String?
    var grid: String?
    var estate: String?
    var reporter: String?
    var claimant: String?
    var overdue = false
    var from: String?
    var to: String?
    var text: String?
    var sort = ItemSort.newest
    var page = 1

    static let pageSize = 30

    init(_ fields: FormFields) {
        statuses = fields.all("status").filter { ItemStatus(rawValue: $0) != nil }
        kind = fields["kind"].flatMap { ItemKind(rawValue: $0) != nil ? $0 : nil }
        category = fields["category"]
        grid = fields["grid"]
        estate = fields["estate"]
        reporter = fields["reporter"]
        claimant = fields["claimant"]
        overdue = fields["overdue"] == "1"
        from = fields["from"]
        to = fields["to"]
        text = fields["q"]
        sort = fields["sort"].flatMap(ItemSort.init(rawValue:)) ?? .newest
        page = max(fields.int("page") ?? 1, 1)
    }

    /// The store's query for these filters, limited to what the user may see. A reporter or
    /// claimant is named by name or sender id; an unknown one matches nothing.
    func query(for user: BoardUser, format: BoardFormat, tx: BoardTransaction, paged: Bool) throws -> ItemQuery {
        var grids = user.grids
        if let grid {
            grids = (grids == nil || grids?.contains(grid) == true) ? [grid] : []
        }
        let dayAfter = format.parseDay(to).map { $0.addingTimeInterval(86_400) }
        return ItemQuery(
            statuses: statuses.isEmpty ? nil : statuses.compactMap(ItemStatus.init(rawValue:)),
            kinds: kind.flatMap(ItemKind.init(rawValue:)).map { [$0] }, category: category, grids: grids,
            estate: estate, reporterID: try reporter.map { try tx.memberID(named: $0) ?? -1 },
            claimantID: try claimant.map { try tx.memberID(named: $0) ?? -1 }, overdue: overdue,
            createdFrom: format.parseDay(from), createdTo: dayAfter, text: text, sort: sort,
            limit: paged ? Self.pageSize : Int.max, offset: paged ? (page - 1) * Self.pageSize : 0)
    }

    /// The query string for these filters with another page or sort.
    func queryString(page: Int? = nil, sort: ItemSort? = nil) -> String {
        var parts: [(String, String)] = statuses.map { ("status", $0) }
        let optional: [(String, String?)] = [
            ("kind", kind), ("category", category), ("grid", grid), ("estate", estate), ("reporter", reporter),
            ("claimant", claimant), ("from", from), ("to", to), ("q", text),
        ]
        parts += optional.compactMap { name, value in value.map { (name, $0) } }
        if overdue { parts.append(("overdue", "1")) }
        let chosenSort = sort ?? self.sort
        if chosenSort != .newest { parts.append(("sort", chosenSort.rawValue)) }
        let chosenPage = page ?? self.page
        if chosenPage > 1 { parts.append(("page", String(chosenPage))) }
        return parts.map { "\($0.0)=\(Self.encode($0.1))" }.joined(separator: "&")
    }

    private static func encode(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }
}
