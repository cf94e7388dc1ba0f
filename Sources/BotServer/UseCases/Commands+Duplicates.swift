import TaskBoard

// Duplicates joined, split and reopened: the use cases, called alike by chat and board.
extension Commands {
    /// A report from a group: joined to the open item it duplicates (`duplicates:` rule), filed as a
    /// new item otherwise.
    func fileOrJoin(_ filing: Filing) throws -> Happened {
        if filing.kind == .issue,
            let original = try tx.duplicateCandidate(
                category: filing.category, location: router.route(filing.location), rule: duplicates)
        {
            return try join(filing, to: original.number, explicit: false)
        }
        return try file(filing)
    }

    /// Records the actor's report as the same thing as item `itemID` ("我也遇到了 #3", or found by the
    /// rule): no new item, +0 points, told when the item closes. Said explicitly, it is about the item,
    /// so it takes the item's category and, unless it names one, the item's place.
    func join(_ filing: Filing, to itemID: Int64, explicit: Bool) throws -> Happened {
        var category = filing.category
        var location = router.route(filing.location)
        if explicit, let item = try tx.item(id: itemID) {
            category = item.category
            if !location.namesAPlace && location.lat == nil { location = item.location }
        }
        let result = try tx.join(
            NewItem(
                kind: .issue, category: category, location: location, text: filing.text, reporterID: actorID,
                source: filing.source, photoURLs: filing.photoURLs), to: itemID, explicit: explicit)
        return .joined(result.item, result.joined)
    }

    /// A photo sent right after a report that was joined to an item: the report's, on that item.
    func addPhotos(toJoined report: JoinedReport, urls: [String]) throws -> Happened {
        _ = try tx.addPhotos(toJoined: report, urls: urls, by: actorID)
        return .photosAdded(itemID: report.itemID, count: urls.count)
    }

    /// "#3 又坏了": reopens an item closed recently enough; `note` is what was said.
    func reopen(_ itemID: Int64, note: String?) throws -> Happened {
        let result = try tx.reopen(itemID: itemID, by: actorID, note: note, rule: duplicates)
        let item = result.outcome.item
        return .reopened(
            item, try route(of: item), formerClaimant: try member(result.formerClaimant),
            reporter: try member(item.reporterID))
    }

    /// The board splits a report wrongly joined to item `itemID` off into an item of its own, routed by
    /// its own place. A report joined to another item is not found here (the page's item bounds the grid).
    func split(_ joinedID: Int64, from itemID: Int64) throws -> Happened {
        guard let joined = try tx.joinedReport(id: joinedID), joined.itemID == itemID else {
            throw BoardPageError.noSuchJoinedReport(joinedID)
        }
        let result = try tx.split(joined, at: router.route(joined.location), by: actorID)
        let item = result.outcome.item
        guard let reporter = try member(item.reporterID) else { throw BoardError.noSuchMember(String(item.reporterID)) }
        return .split(
            item, try route(of: item), from: result.from, awards: result.outcome.awards, reporter: reporter)
    }
}
