import Foundation
import GRDB

/// The item list's filters and orders as named requests, shared by the page and the CSV export so
/// both select exactly the same rows.
extension DerivableRequest<Item> {
    /// Items matching every filter of `query`; `now` decides what is overdue.
    public func matching(_ query: ItemQuery, at now: Date) -> Self {
        var request = self
        if let statuses = query.statuses { request = request.filter(status: statuses) }
        if let kinds = query.kinds { request = request.filter(kinds.contains(Item.CodingKeys.kind)) }
        if let category = query.category { request = request.filter(Item.CodingKeys.category == category) }
        if let grids = query.grids { request = request.filter(grids.contains(Item.CodingKeys.grid)) }
        if let estate = query.estate { request = request.filter(Item.CodingKeys.estate == estate) }
        if let reporterID = query.reporterID { request = request.filter(Item.CodingKeys.reporterID == reporterID) }
        if let claimantID = query.claimantID { request = request.filter(Item.CodingKeys.claimantID == claimantID) }
        if query.overdue { request = request.filter(status: ItemStatus.withCommunity).overdue(at: now) }
        if let from = query.createdFrom {
            request = request.filter(Item.CodingKeys.createdAt >= from.timeIntervalSince1970)
        }
        if let to = query.createdTo { request = request.filter(Item.CodingKeys.createdAt < to.timeIntervalSince1970) }
        if let text = query.text { request = request.containing(text) }
        if query.approvedOnly {
            request = request.filter(Item.CodingKeys.kind != ItemKind.wish || Item.CodingKeys.approvedAt != nil)
        }
        return request
    }

    /// Items whose text, estate, building or landmark contain `text`, or whose number it is ("12",
    /// "#12"). ASCII letters match in either case. Needles of three characters or more are looked up
    /// in the trigram index; shorter ones (common in Chinese: 井盖, 路灯) are scanned for with LIKE,
    /// which the trigram index cannot answer.
    public func containing(_ text: String) -> Self {
        let needle = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !needle.isEmpty else { return self }
        var conditions: [SQLExpression]
        if needle.unicodeScalars.count >= 3 {
            // A quoted FTS5 string is one phrase: every trigram, in order, so exactly the substring.
            let phrase = "\"" + needle.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            let indexed = SQL(
                "\(Item.CodingKeys.id) IN (SELECT rowid FROM items_search WHERE items_search MATCH \(phrase))")
            conditions = [indexed.sqlExpression]
        } else {
            // LIKE's wildcards in the needle are meant literally.
            let escaped = needle.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_")
            let pattern = "%\(escaped)%"
            conditions = [
                Item.CodingKeys.text, Item.CodingKeys.estate, Item.CodingKeys.building, Item.CodingKeys.landmark,
            ]
            .map { $0.like(pattern, escape: "\\") }
        }
        if let number = itemNumber(in: needle) { conditions.append(Item.CodingKeys.id == number) }
        return filter(conditions.joined(operator: .or))
    }

    /// The list in one of its orders.
    public func sorted(by sort: ItemSort) -> Self {
        switch sort {
        case .newest: newestFirst()
        case .oldest: oldestFirst()
        case .dueSoonest: order(Item.CodingKeys.dueAt.ascNullsLast, Item.CodingKeys.id)
        // SQLite sorts NULL lowest, so descending puts the never-closed last by itself.
        case .recentlyClosed: order(Item.CodingKeys.closedAt.desc, Item.CodingKeys.id.desc)
        case .id: order(Item.CodingKeys.id)
        }
    }
}

/// The item number in "12", "#12" or the full-width "＃12", as people quote it.
private func itemNumber(in text: String) -> Int64? {
    var digits = Substring(text)
    if let first = digits.first, first == "#" || first == "＃" { digits = digits.dropFirst() }
    guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    return Int64(digits)
}
