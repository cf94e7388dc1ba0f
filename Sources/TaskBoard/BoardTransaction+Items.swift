import Foundation
import GRDB

// The state machine of design section 4. Each command: checks (throwing BoardError), then writes the
// item, one timeline event and its ledger entries inside `atomically`.
extension BoardTransaction {
    /// Files a report as an open item with its deadline and photos; pays `reportAccepted` (the
    /// category's, where it has its own) to the reporter on `.reports` for an issue or a suggestion
    /// (a wish's poster earns nothing).
    public func createItem(_ new: NewItem) throws -> Outcome {
        try atomically {
            let reporter = try requireMember(new.reporterID)
            var item = Item(
                kind: new.kind, category: new.category, text: new.text, status: .open, reporterID: new.reporterID,
                createdAt: now,
                dueAt: now.addingTimeInterval(Double(deadlineHours(for: new.kind, category: new.category)) * 3600),
                sourceChannel: new.source?.channel, sourceGroup: new.source?.group,
                sourceMessageID: new.source?.messageID)
            item.location = new.location
            if new.kind == .wish && !new.awaitsApproval { item.approvedAt = now }
            try item.insert(db)
            let itemID = try itemID(of: item)
            try appendEvent(itemID, actor: reporter.id, .created)
            try insertPhotos(itemID, urls: new.photoURLs, by: reporter.id)
            var awards: [Award] = []
            if new.kind.paysReporter {
                try book(
                    reporter, .reports, rules.reportAccepted(for: item.category), .reportAccepted, itemID,
                    into: &awards)
            }
            return Outcome(item: item, awards: awards)
        }
    }

    /// A member, grid worker or secretary takes an open item, within `maxOpenClaims`.
    public func claim(itemID: Int64, by memberID: Int64) throws -> Outcome {
        try atomically {
            var item = try requireItem(itemID)
            let member = try requireMember(memberID)
            guard ItemAction.claim.isPermitted(for: member.role, as: item.relations(of: member)) else {
                throw BoardError.notAllowed(action: ItemAction.claim.rawValue, role: member.role)
            }
            try requireClaimable(item, for: memberID)
            let held = try claimedCount(memberID)
            guard held < rules.maxOpenClaims else { throw BoardError.tooManyClaims(limit: rules.maxOpenClaims) }
            item.status = .claimed
            item.claimantID = memberID
            item.claimedAt = now
            try save(item, .claimed, by: memberID)
            return Outcome(item: item)
        }
    }

    /// Gives a claimed item back to the open list: the claimant, the secretary, or the grid worker
    /// of the item's grid.
    public func release(itemID: Int64, by memberID: Int64) throws -> Outcome {
        try atomically {
            var item = try requireItem(itemID, .release, by: memberID)
            item.status = .open
            item.claimantID = nil
            item.claimedAt = nil
            try save(item, .released, by: memberID)
            return Outcome(item: item)
        }
    }

    /// The claimant reports the work done, with an optional note and proof photos.
    public func submit(itemID: Int64, by memberID: Int64, note: String?, photoURLs: [String]) throws -> Outcome {
        try atomically {
            var item = try requireItem(itemID, .submit, by: memberID)
            item.status = .submitted
            item.submittedAt = now
            try save(item, .submitted, by: memberID, note: note)
            try insertPhotos(itemID, urls: photoURLs, by: memberID)
            return Outcome(item: item)
        }
    }

    /// The secretary, or the grid worker of the item's grid, accepts submitted work and closes the
    /// item. Pays `reportVerified` to the reporter (`.reports`, issue or suggestion only) and
    /// `taskVerified` to the claimant (`.service`) unless the work was the claimant's job
    /// (`PointRules.paysService`); both by the item's category. Nobody verifies what they reported or
    /// claimed.
    public func verify(itemID: Int64, by memberID: Int64, note: String?) throws -> Outcome {
        try atomically {
            var item = try requireItem(itemID, .verify, by: memberID)
            guard item.reporterID != memberID, item.claimantID != memberID else {
                throw BoardError.ownItem(item: itemID)
            }
            let claimant = try item.claimantID.map(requireMember)
            var awards = try close(
                &item, by: memberID, .verified, note: note, paying: rules.reportVerified(for: item.category),
                .reportVerified)
            if let claimant, rules.paysService(to: claimant, on: item) {
                try book(
                    claimant, .service, rules.taskVerified(for: item.category), .taskVerified, itemID, into: &awards)
            }
            return Outcome(item: item, awards: awards)
        }
    }

    /// Sends submitted work back to the claimant. Same rights as verify, except that returning one's
    /// own item is allowed: it pays nothing, so there is nothing to self-deal.
    public func returnItem(itemID: Int64, by memberID: Int64, reason: String?) throws -> Outcome {
        try atomically {
            var item = try requireItem(itemID, .`return`, by: memberID)
            item.status = .claimed
            item.submittedAt = nil
            try save(item, .returned, by: memberID, note: reason)
            return Outcome(item: item)
        }
    }

    /// Hands an item to the street office or a department named as written, with no deadline of its
    /// own (`escalate(itemID:by:to:)` with an `Escalation` gives it one).
    public func escalate(itemID: Int64, by memberID: Int64, to target: String?) throws -> Outcome {
        try escalate(itemID: itemID, by: memberID, to: Escalation(department: target))
    }

    /// Closes an escalated item once the department solved it (xiaohao, struck off); pays `reportVerified` to
    /// the reporter of an issue or suggestion.
    public func resolve(itemID: Int64, by memberID: Int64, note: String?) throws -> Outcome {
        try atomically {
            var item = try requireItem(itemID, .resolve, by: memberID)
            try solveCurrentRequest(itemID: itemID)
            let awards = try close(
                &item, by: memberID, .resolved, note: note, paying: rules.reportVerified(for: item.category),
                .reportVerified)
            return Outcome(item: item, awards: awards)
        }
    }

    /// Marks an open, claimed or escalated item as a duplicate of `target`, and reverses what its
    /// reporter was paid for it (a duplicate earns +0) with a `.duplicate` entry. The target must
    /// exist, differ, and be neither merged nor cancelled (merge into the original instead).
    public func merge(itemID: Int64, into target: Int64, by memberID: Int64, note: String? = nil) throws -> Outcome {
        try atomically {
            var item = try requireItem(itemID, .merge, by: memberID)
            guard target != itemID else { throw BoardError.invalidMerge(item: itemID, into: target) }
            let original = try requireItem(target)
            guard original.status != .merged, original.status != .cancelled else {
                throw BoardError.invalidMerge(item: itemID, into: target)
            }
            // A grid worker merges only within the own grid: the original is acted on too.
            let member = try requireMember(memberID)
            guard original.relations(of: member).contains(.supervisor) else {
                throw BoardError.notAllowed(action: ItemAction.merge.rawValue, role: member.role)
            }
            let reporter = try requireMember(item.reporterID)
            // Reverse what was actually paid, even if the rules changed since the report.
            let paid = try reportPoints(itemID: itemID, memberID: item.reporterID)
            item.status = .merged
            item.duplicateOf = target
            try save(item, .merged, by: memberID, note: Self.joined("#\(target)", note))
            // Who joined the duplicate follows it: they hear when the original closes, on its page.
            try JoinedReport
                .filter(JoinedReport.CodingKeys.itemID == itemID && JoinedReport.CodingKeys.splitItemID == nil)
                .updateAll(db, JoinedReport.CodingKeys.itemID.set(to: target))
            var awards: [Award] = []
            try book(reporter, .reports, -paid, .duplicate, itemID, into: &awards)
            return Outcome(item: item, awards: awards)
        }
    }

    /// Withdraws an item that is not yet closed, merged or cancelled: the secretary, or the grid
    /// worker for the own grid. `invalid` books `invalidReport` against the reporter (an issue or
    /// suggestion's reporter; a wish's poster earned nothing to lose).
    public func cancel(itemID: Int64, by memberID: Int64, reason: String?, invalid: Bool) throws -> Outcome {
        try atomically {
            var item = try requireItem(itemID, .cancel, by: memberID)
            let reporter = try requireMember(item.reporterID)
            item.status = .cancelled
            item.closedAt = now
            try save(item, .cancelled, by: memberID, note: reason)
            var awards: [Award] = []
            if invalid && item.kind.paysReporter {
                try book(reporter, .reports, rules.invalidReport, .reportInvalid, itemID, into: &awards)
            }
            return Outcome(item: item, awards: awards)
        }
    }

    /// Dispatches an open item to a member (paidan). `maxOpenClaims` limits what members take
    /// themselves, not what the secretary hands out, so it is not checked here.
    public func assign(itemID: Int64, to assignee: Int64, by memberID: Int64, note: String? = nil) throws -> Outcome {
        try atomically {
            var item = try requireItem(itemID)
            let member = try requireMember(memberID)
            // The state is the assignee's to explain (already claimed by 张三), as when they claim.
            try require(.assign, on: item, by: member, checkingState: false)
            let holder = try requireMember(assignee)
            guard holder.role.canClaim else {
                throw BoardError.notAllowed(action: ItemAction.claim.rawValue, role: holder.role)
            }
            try requireClaimable(item, for: assignee)
            item.status = .claimed
            item.claimantID = assignee
            item.claimedAt = now
            try save(item, .assigned, by: memberID, note: Self.joined(holder.name, note))
            return Outcome(item: item)
        }
    }

    /// Completes an item's place: the reporter answering the bot's question, or the community on the
    /// board. Parts already known are kept (`Location.filling(from:)`); a closed item is history.
    public func locate(itemID: Int64, at location: Location, by memberID: Int64) throws -> Item {
        try atomically {
            var item = try requireItem(itemID, .locate, by: memberID)
            item.location = item.location.filling(from: location)
            try save(item, .located, by: memberID)
            return item
        }
    }

    /// The community adopts a suggestion (采纳): it is closed and its reporter paid
    /// `suggestionAdopted` on `.reports`, on top of what the report earned when it was filed.
    public func adopt(itemID: Int64, by memberID: Int64, note: String?) throws -> Outcome {
        try atomically {
            var item = try requireItem(itemID, .adopt, by: memberID)
            guard item.reporterID != memberID else { throw BoardError.ownItem(item: itemID) }
            let awards = try close(
                &item, by: memberID, .adopted, note: note, paying: rules.suggestionAdopted, .suggestionAdopted)
            return Outcome(item: item, awards: awards)
        }
    }

    /// Attaches photos to an item in any state (a late photo of a report, a download by the server).
    /// `memberID` nil means the system.
    public func addPhotos(itemID: Int64, urls: [String], by memberID: Int64?) throws -> [Photo] {
        try atomically {
            _ = try requireItem(itemID)
            if let memberID { _ = try requireMember(memberID) }
            guard !urls.isEmpty else { return [] }
            let photos = try insertPhotos(itemID, urls: urls, by: memberID)
            try appendEvent(itemID, actor: memberID, .photoAdded, note: String(urls.count))
            return photos
        }
    }

    /// Records where the server stored a downloaded photo.
    public func updatePhoto(id: Int64, localPath: String, sha256: String) throws {
        try db.execute(
            sql: "UPDATE photos SET local_path = ?, sha256 = ? WHERE id = ?", arguments: [localPath, sha256, id])
    }

    // MARK: - Checks and writes shared by the commands

    /// A timeline note that names what the action needs (the assignee, the original) and then the
    /// operator's own words, when given.
    static func joined(_ fact: String, _ note: String?) -> String {
        guard let note, !note.isEmpty else { return fact }
        return "\(fact)：\(note)"
    }

    func requireItem(_ id: Int64) throws -> Item {
        guard let found = try item(id: id) else { throw BoardError.noSuchItem(id) }
        return found
    }

    func itemID(of item: Item) throws -> Int64 {
        guard let id = item.id else { preconditionFailure("inserted item without id") }
        return id
    }

    func wrongState(_ item: Item, _ action: String) -> BoardError {
        .wrongState(item: item.id ?? 0, status: item.status, action: action)
    }

    /// Checks the one table of rights and states (`ItemAction`, `ItemStatus.allows`): rights first,
    /// so someone who may not act at all is told that rather than the item's state. A claimant's
    /// action refused names the holder ("nobody holds it" on an open item is the useful answer).
    func require(_ action: ItemAction, on item: Item, by member: Member, checkingState: Bool = true) throws {
        // Giving back an item nobody holds is answered by its state ("#2 is open"), not by who holds it.
        if action == .release && checkingState && !item.status.allows(action) {
            throw wrongState(item, action.rawValue)
        }
        guard action.isPermitted(for: member.role, as: item.relations(of: member)) else {
            switch action {
            case .release, .submit:
                throw BoardError.notClaimant(item: item.id ?? 0, claimant: try claimantName(item))
            default:
                throw BoardError.notAllowed(action: action.rawValue, role: member.role)
            }
        }
        guard action.applies(to: item.kind), !checkingState || item.status.allows(action) else {
            throw wrongState(item, action.rawValue)
        }
    }

    /// An open item can be taken; otherwise explain why not, the holder first.
    func requireClaimable(_ item: Item, for memberID: Int64) throws {
        let id = try itemID(of: item)
        switch item.status {
        case .open:
            // A wish nobody approved yet is not on offer: members have not even been told of it.
            guard item.isApproved else { throw BoardError.notApproved(item: id) }
            return
        case .claimed, .submitted:
            if item.claimantID == memberID { throw BoardError.alreadyYours(item: id) }
            throw BoardError.alreadyClaimed(item: id, by: try claimantName(item) ?? "")
        case .closed, .escalated, .merged, .cancelled:
            throw wrongState(item, ItemAction.claim.rawValue)
        }
    }

    func claimantName(_ item: Item) throws -> String? {
        guard let claimantID = item.claimantID else { return nil }
        return try member(id: claimantID)?.name
    }

    func claimedCount(_ memberID: Int64) throws -> Int {
        try Item
            .filter(Item.CodingKeys.claimantID == memberID && Item.CodingKeys.status == ItemStatus.claimed)
            .fetchCount(db)
    }

    func deadlineHours(for kind: ItemKind, category: String?) -> Int {
        switch kind {
        case .issue: category.flatMap { rules.categoryDeadlineHours[$0] } ?? rules.issueDeadlineHours
        case .wish: rules.wishDeadlineHours
        case .suggestion: rules.suggestionDeadlineHours
        }
    }

    /// The item, once `action` on it is allowed to the member: how each command starts.
    func requireItem(_ itemID: Int64, _ action: ItemAction, by memberID: Int64) throws -> Item {
        let item = try requireItem(itemID)
        try require(action, on: item, by: try requireMember(memberID))
        return item
    }

    /// Writes a changed item and puts `action` on its timeline: how each command ends.
    func save(_ item: Item, _ action: TimelineAction, by memberID: Int64?, note: String? = nil) throws {
        try item.update(db)
        try appendEvent(try itemID(of: item), actor: memberID, action, note: note)
    }

    func appendEvent(_ itemID: Int64, actor: Int64?, _ action: TimelineAction, note: String? = nil) throws {
        var event = TimelineEvent(itemID: itemID, actorID: actor, action: action, at: now, note: note)
        try event.insert(db)
    }

    @discardableResult
    func insertPhotos(_ itemID: Int64, urls: [String], by memberID: Int64?, joined: Int64? = nil) throws -> [Photo] {
        try urls.map { url in
            var photo = Photo(itemID: itemID, url: url, addedAt: now, addedBy: memberID, joinedReportID: joined)
            try photo.insert(db)
            return photo
        }
    }

    /// Net report points the member holds for this item (accepted minus reversed).
    func reportPoints(itemID: Int64, memberID: Int64) throws -> Int {
        try Int.fetchOne(
            db,
            sql: """
                SELECT COALESCE(SUM(delta), 0) FROM ledger
                WHERE item_id = ? AND member_id = ? AND reason IN ('report_accepted', 'duplicate')
                """,
            arguments: [itemID, memberID]) ?? 0
    }

    /// Closes an item with its timeline event and pays its reporter `amount` for `reason` — an issue's
    /// or a suggestion's reporter; a wish's poster earned nothing. Verify, resolve and adopt end so.
    func close(
        _ item: inout Item, by memberID: Int64, _ action: TimelineAction, note: String?, paying amount: Int,
        _ reason: LedgerReason
    ) throws -> [Award] {
        let itemID = try itemID(of: item)
        let reporter = try requireMember(item.reporterID)
        item.status = .closed
        item.closedAt = now
        try save(item, action, by: memberID, note: note)
        var awards: [Award] = []
        if item.kind.paysReporter {
            try book(reporter, .reports, amount, reason, itemID, into: &awards)
        }
        return awards
    }

    /// Appends a ledger entry and its award; a zero amount (a rule set to 0) books nothing, as the
    /// schema refuses zero deltas.
    func book(
        _ member: Member, _ board: PointsBoard, _ delta: Int, _ reason: LedgerReason, _ itemID: Int64?,
        note: String? = nil, into awards: inout [Award]
    ) throws {
        guard delta != 0, let memberID = member.id else { return }
        var entry = LedgerEntry(
            memberID: memberID, board: board, delta: delta, reason: reason, itemID: itemID, createdAt: now, note: note)
        try entry.insert(db)
        awards.append(Award(memberID: memberID, memberName: member.name, board: board, delta: delta, reason: reason))
    }
}
