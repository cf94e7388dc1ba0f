import Foundation
import TaskBoard

/// What each calendar job does, through the same use cases and replies as chat and board, inside the
/// caller's transaction: a reminder is marked sent in the transaction that queues it, so a restart
/// never sends it twice and a crash sends nothing half-way.
struct CalendarJobs: Sendable {
    /// Read at each use: a job runs with the set-up in force when it runs.
    let setup: LiveSetup
    var config: AppConfig { setup.current.config }
    var useCases: UseCases { setup.current.useCases }
    /// Items one run looks at, earliest deadline or oldest claim first: the work of a run stays bounded however long the
    /// board's history grows; what is left waits for the next slot.
    var watchLimit = 500
    /// Names in one duty reminder: a message people can read to the end.
    var dutyPage = 20

    /// Runs `job` as of the transaction's time, for `slot` (the time it was due; a report covers the
    /// week before its slot's week, whenever it is caught up); returns the replies it queued.
    func run(_ job: Job, slot: Date, tx: BoardTransaction) throws -> Int {
        switch job {
        case .deadlines: try remind(tx, .deadlines, kinds: [.dueSoon, .overdue])
        case .stalledClaims: try remind(tx, .claims, kinds: [.stalled, .expired])
        case .overdueDigest: try digest(tx)
        case .weeklyReport: try weeklyReport(before: slot, tx)
        case .yearlyDuty: try dutyReminders(tx)
        case .wishPublication: try publishWishes(tx)
        }
    }

    private var replies: Replies { useCases.replies }

    private func remind(_ tx: BoardTransaction, _ scope: ItemWatch.Scope, kinds: Set<ItemWatch.Kind>) throws -> Int {
        var queued = 0
        for (item, lastActivity) in try tx.watchedItems(scope, limit: watchLimit) {
            let owed = ItemWatch.owed(
                by: item, lastActivity: lastActivity, at: tx.now, stallDays: config.schedule.stallDays)
            for watch in owed where kinds.contains(watch.kind) {
                guard try tx.markSent(watch, itemID: item.number) else { continue }
                queued += try send(watch, about: item, tx: tx)
            }
        }
        return queued
    }

    private func send(_ watch: ItemWatch, about item: Item, tx: BoardTransaction) throws -> Int {
        let queue = useCases.queue
        let claimant = try item.claimantID.flatMap { try tx.member(id: $0) }
        switch watch.kind {
        case .dueSoon:
            guard let claimant else { return 0 }
            return try queue.notify(try replies.dueSoon(item, claimant: claimant, now: tx.now), tx: tx)
        case .overdue:
            let people =
                [claimant?.platformID].compactMap { $0 } + useCases.router.workers(of: item.grid)
                + config.people.secretaries.map(\.id)
            // Nobody to tell where they speak (an unclaimed item, staff who never wrote in a group): the
            // members' groups hear it rather than no one, since the reminder is marked sent either way.
            return try queue.notify(
                try replies.overdue(item, claimant: claimant, notify: unique(people)), orMembers: true, tx: tx)
        case .stalled:
            guard let claimant else { return 0 }
            return try queue.notify(
                try replies.stalled(item, claimant: claimant, days: config.schedule.stallDays), tx: tx)
        case .expired:
            let happened = try useCases.commands(in: tx, by: Member.calendar).expireClaim(item.number)
            let told = try queue.notify(try replies.reply(to: happened, by: .calendar, in: .board), tx: tx)
            guard let reopened = happened.item else { return told }
            return told + (try queue.toMembers(try replies.reopened(reopened), about: reopened, tx: tx))
        }
    }

    private func digest(_ tx: BoardTransaction) throws -> Int {
        let overdue = try tx.overdueItems(limit: 20)
        let atDepartments = try tx.overdueAtDepartments(limit: 20)
        guard !overdue.isEmpty || !atDepartments.isEmpty else { return 0 }
        let draft = try replies.overdueDigest(
            overdue, atDepartments: atDepartments, now: tx.now, secretaries: config.people.secretaries.map(\.id))
        return try useCases.queue.notify(draft, orMembers: true, tx: tx)
    }

    /// Last week, Monday to Monday in the community's zone: the report to the secretaries, and to each
    /// champion their own line in the group they last spoke in.
    private func weeklyReport(before slot: Date, _ tx: BoardTransaction) throws -> Int {
        let week = config.weekBefore(slot)
        let report = try tx.weekReport(from: week.start, to: week.end)
        var queued = try useCases.queue.notify(
            try replies.weekReport(
                report, gridName: useCases.router.gridName, secretaries: config.people.secretaries.map(\.id)),
            orMembers: true,
            tx: tx)
        for (board, champion) in [(PointsBoard.reports, report.reportsChampion), (.service, report.serviceChampion)] {
            guard let champion else { continue }
            queued += try useCases.queue.notify(try replies.champion(champion, of: board), tx: tx)
        }
        return queued
    }

    /// Members short of the year's duty, reminded where they last spoke: one message per group and per
    /// page of `dutyPage` names, so a district's thousands of members make many short messages.
    private func dutyReminders(_ tx: BoardTransaction) throws -> Int {
        let yearStart = config.startOfYear(containing: tx.now)
        let year = config.calendar.component(.year, from: tx.now)
        var (queued, after) = (0, Int64(0))
        while true {
            let page = try tx.membersShortOfDuty(yearStart: yearStart, afterID: after, limit: watchLimit)
            guard let last = page.last?.0.id else { return queued }
            // Grouped by where each last spoke, looked up once, and announced there.
            var groups: [(channel: String, groupID: String, people: [(Member, YearlyDuty)])] = []
            for entry in page {
                guard let last = try tx.lastGroup(ofSender: entry.0.platformID),
                    config.group(channel: last.channel, id: last.groupID) != nil
                else { continue }
                if let index = groups.firstIndex(where: { $0.channel == last.channel && $0.groupID == last.groupID }) {
                    groups[index].people.append(entry)
                } else {
                    groups.append((last.channel, last.groupID, [entry]))
                }
            }
            for group in groups {
                for chunk in group.people.chunks(of: dutyPage) {
                    try useCases.queue.announce(
                        [try replies.dutyReminder(chunk, year: year)], channel: group.channel, groupID: group.groupID,
                        tx: tx)
                    queued += 1
                }
            }
            after = last
        }
    }

    private func unique(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }
}

extension Member {
    /// The community's calendar as an actor: never stored, never paid, named in no reply.
    static let calendar = Member(platformID: "calendar", name: "calendar", role: .secretary, createdAt: .distantPast)
}

extension Array {
    /// Consecutive slices of at most `size` elements.
    func chunks(of size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
