import Foundation
import GRDB

// Duplicates joined, split and reopened (issue 13, behaviour 4). A joined report is a row of its own,
// not an item: it has no number, earns nothing and is not claimable until the secretary splits it off.
extension BoardTransaction {
    /// The open item a new report of `category` at `location` duplicates, per `rule`; nil when none.
    /// Reads at most `rule.candidateLimit` of the category's most recent active issues within the
    /// window, through the category/time index: never the whole history.
    public func duplicateCandidate(category: String?, location: Location, rule: DuplicateRule) throws -> Item? {
        guard let category, category != "other", rule.candidateLimit > 0,
            location.lat != nil || (location.estate != nil && location.building != nil)
        else { return nil }
        let since = Self.seconds(now.addingTimeInterval(-rule.windowHours * 3600))
        let recent = try Item.fetchAll(
            db.cachedStatement(sql: Self.duplicateCandidatesSQL), arguments: [category, since, rule.candidateLimit])
        // The earliest match is the original the others duplicate.
        return recent.filter { rule.isDuplicate(category, at: location, of: $0, now: now) }.last
    }

    /// The category's recent active issues, newest first (arguments: category, since, limit); the test
    /// of the query plan reads this same statement. Without the hint SQLite takes the kind/time index,
    /// which reads every issue of the window instead of the category's.
    static let duplicateCandidatesSQL = """
        SELECT * FROM items INDEXED BY items_on_category_created_at WHERE category = ? AND created_at >= ? AND kind = 'issue'
          AND status IN ('open', 'claimed', 'submitted', 'escalated')
        ORDER BY created_at DESC LIMIT ?
        """

    /// Records `report` as joined to item `itemID` (to its original, when that item was itself merged):
    /// a timeline event on the item, no points, nothing to claim. Refused on an item no longer being
    /// worked on (a closed item is reopened instead).
    public func join(_ report: NewItem, to itemID: Int64, explicit: Bool) throws -> (item: Item, joined: JoinedReport) {
        try atomically {
            var item = try requireItem(itemID)
            if item.status == .merged, let original = item.duplicateOf { item = try requireItem(original) }
            guard ItemStatus.active.contains(item.status) else { throw wrongState(item, DuplicateAction.join.rawValue) }
            let reporter = try requireMember(report.reporterID)
            var joined = JoinedReport(
                itemID: try self.itemID(of: item), reporterID: report.reporterID, category: report.category,
                place: String(decoding: try JSONEncoder().encode(report.location), as: UTF8.self), text: report.text,
                imageURLs: String(decoding: try JSONEncoder().encode(report.photoURLs), as: UTF8.self),
                explicit: explicit, createdAt: now, sourceChannel: report.source?.channel,
                sourceGroup: report.source?.group, sourceMessageID: report.source?.messageID)
            try joined.insert(db)
            // Its photos are kept with the item (downloaded, shown beside the report), marked as the report's.
            _ = try insertPhotos(joined.itemID, urls: report.photoURLs, by: reporter.id, joined: joined.id)
            try appendEvent(joined.itemID, actor: reporter.id, .joined, note: reporter.name)
            return (item, joined)
        }
    }

    /// The reports joined to an item and not split off, oldest first (at most `limit`).
    public func joinedReports(of itemID: Int64, limit: Int = 200) throws -> [JoinedReport] {
        try JoinedReport
            .filter(JoinedReport.CodingKeys.itemID == itemID && JoinedReport.CodingKeys.splitItemID == nil)
            .order(JoinedReport.CodingKeys.id).limit(limit).fetchAll(db)
    }

    /// The joined reports whose reporters have not yet heard that the item closed, one per reporter,
    /// marked as told: each reporter hears of a closing once, however often they reported it.
    public func takeJoinedReportsToNotify(of itemID: Int64) throws -> [JoinedReport] {
        let untold = JoinedReport.filter(
            JoinedReport.CodingKeys.itemID == itemID && JoinedReport.CodingKeys.splitItemID == nil
                && JoinedReport.CodingKeys.notifiedAt == nil)
        let waiting = try untold.order(JoinedReport.CodingKeys.id).fetchAll(db)
        try untold.updateAll(db, JoinedReport.CodingKeys.notifiedAt.set(to: Self.seconds(now)))
        var seen: Set<Int64> = []
        return waiting.filter { seen.insert($0.reporterID).inserted }
    }

    /// Splits a wrongly joined report off into an issue of its own at `location` (already routed):
    /// numbered, paid as any report, with a `split` event on the item it left. The secretary, or the
    /// grid worker of the item's grid, who may merge may also undo a join.
    public func split(_ report: JoinedReport, at location: Location, by memberID: Int64) throws -> (
        outcome: Outcome, from: Int64, joined: JoinedReport
    ) {
        try atomically {
            var joined = report
            guard let joinedID = joined.id, joined.splitItemID == nil else {
                throw BoardPageError.noSuchJoinedReport(joined.id ?? 0)
            }
            let item = try requireItem(joined.itemID)
            let member = try requireMember(memberID)
            guard item.relations(of: member).contains(.supervisor) else {
                throw BoardError.notAllowed(action: DuplicateAction.split.rawValue, role: member.role)
            }
            let outcome = try createItem(
                NewItem(
                    kind: .issue, category: joined.category, location: location, text: joined.text,
                    reporterID: joined.reporterID, source: joined.source, photoURLs: []))
            let newID = try itemID(of: outcome.item)
            joined.splitItemID = newID
            try joined.update(db)
            // Its photos (downloaded or not) go with it, as the new item's own.
            try db.execute(
                sql:
                    "UPDATE photos SET item_id = ?, joined_report_id = NULL WHERE item_id = ? AND joined_report_id = ?",
                arguments: [newID, joined.itemID, joinedID])
            try appendEvent(joined.itemID, actor: memberID, .split, note: "#\(newID)")
            return (outcome, joined.itemID, joined)
        }
    }

    /// "#3 又坏了": an item closed within `rule.reopenDays` goes back to the open list with a new
    /// deadline, a `reopened` event and its former claimant returned (to be told; the claim itself
    /// ended when the work was verified and paid). Anyone may say so — whoever sees it broken, as
    /// anyone may report. A merged item reopens its original.
    public func reopen(itemID: Int64, by memberID: Int64, note: String?, rule: DuplicateRule) throws -> (
        outcome: Outcome, formerClaimant: Int64?
    ) {
        try atomically {
            var item = try requireItem(itemID)
            if item.status == .merged, let original = item.duplicateOf { item = try requireItem(original) }
            _ = try requireMember(memberID)
            let id = try self.itemID(of: item)
            guard item.kind != .suggestion else { throw wrongState(item, DuplicateAction.reopen.rawValue) }
            switch item.status {
            case .open, .claimed, .submitted, .escalated:
                throw BoardError.stillOpen(item: id)
            case .merged, .cancelled:
                throw wrongState(item, DuplicateAction.reopen.rawValue)
            case .closed:
                guard rule.mayReopen(closedAt: item.closedAt, now: now) else {
                    throw BoardError.reopenTooLate(item: id, days: Int(rule.reopenDays))
                }
            }
            let former = item.claimantID
            item.status = .open
            item.claimantID = nil
            item.claimedAt = nil
            item.submittedAt = nil
            item.closedAt = nil
            item.dueAt = now.addingTimeInterval(Double(deadlineHours(for: item.kind, category: item.category)) * 3600)
            try save(item, .reopened, by: memberID, note: note)
            // Those who joined it hear again when it closes again.
            try db.execute(
                sql: "UPDATE joined_reports SET notified_at = NULL WHERE item_id = ? AND split_item_id IS NULL",
                arguments: [id])
            return (Outcome(item: item), former)
        }
    }
}

extension BoardTransaction {
    /// One joined report by id.
    public func joinedReport(id: Int64) throws -> JoinedReport? {
        try JoinedReport.fetchOne(db, key: id)
    }
}
