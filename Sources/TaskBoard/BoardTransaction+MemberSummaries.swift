import Foundation
import GRDB

// The members page: one grouped query per figure instead of one query per member.
extension BoardTransaction {
    /// Every member (of `grids`, or all when nil) by id, with points, the year's tasks and
    /// activities since `yearStart`, the duty and any pending registration.
    public func memberSummaries(yearStart: Date, grids: [String]?) throws -> [MemberSummary] {
        var request = Member.all()
        if let grids { request = request.filter(grids.contains(Member.CodingKeys.grid)) }
        let members = try request.order(Member.CodingKeys.id).fetchAll(db)
        guard !members.isEmpty else { return [] }
        let year = Self.seconds(yearStart)
        // A subquery rather than the ids, which could pass SQLite's limit on arguments.
        let scope: SQL = grids.map { "AND member_id IN (SELECT id FROM members WHERE grid IN \($0))" } ?? ""

        var points: [Int64: [PointsBoard: Int]] = [:]
        for row in try Row.fetchAll(
            db,
            SQLRequest<Row>(
                literal: """
                    SELECT member_id, board, SUM(delta) AS points FROM ledger
                    WHERE 1 \(scope) GROUP BY member_id, board
                    """))
        {
            if let board = PointsBoard(rawValue: row["board"]) {
                points[row["member_id"], default: [:]][board] = row["points"]
            }
        }
        let tasks = try countsByMember(Self.tasksSQL(since: year, scope: scope))
        let activities = try countsByMember(Self.activitiesSQL(since: year, scope: scope))

        return members.map { member in
            let id = member.id ?? 0
            var byBoard = Dictionary(uniqueKeysWithValues: PointsBoard.allCases.map { ($0, 0) })
            byBoard.merge(points[id] ?? [:]) { _, summed in summed }
            let (taskCount, activityCount) = (tasks[id] ?? 0, activities[id] ?? 0)
            let hasDuty = member.role == .member
            return MemberSummary(
                member: member, balance: Balance(byBoard: byBoard, total: byBoard.values.reduce(0, +)),
                tasksCompleted: taskCount, activities: activityCount, hasDuty: hasDuty,
                dutyMet: hasDuty && YearlyDuty(activities: activityCount, tasks: taskCount).isMet,
                pendingRegistration: member.isPendingRegistration)
        }
    }

    /// How one member's year stands: the same counts as their line on the members page.
    public func yearlyDuty(memberID: Int64, yearStart: Date) throws -> YearlyDuty {
        let (year, scope): (Double, SQL) = (Self.seconds(yearStart), "AND member_id = \(memberID)")
        return YearlyDuty(
            activities: try countsByMember(Self.activitiesSQL(since: year, scope: scope))[memberID] ?? 0,
            tasks: try countsByMember(Self.tasksSQL(since: year, scope: scope))[memberID] ?? 0)
    }

    /// Party members who registered (报到) and whose year falls short of the duty, by id after
    /// `afterID`, at most `limit`: the calendar pages through them so one run's work stays bounded.
    public func membersShortOfDuty(yearStart: Date, afterID: Int64, limit: Int) throws -> [(Member, YearlyDuty)] {
        let year = Self.seconds(yearStart)
        let rows = try Row.fetchAll(
            db,
            SQLRequest<Row>(
                literal: """
                    SELECT * FROM (
                      SELECT members.*,
                        (SELECT COUNT(*) FROM activities WHERE member_id = members.id AND held_on >= \(year)) AS n_activities,
                        (SELECT COUNT(*) FROM ledger WHERE member_id = members.id
                          AND reason = \(LedgerReason.taskVerified) AND created_at >= \(year)) AS n_tasks
                      FROM members WHERE role = \(MemberRole.member) AND id > \(afterID)
                        AND registered_at IS NOT NULL
                    ) WHERE n_activities < \(YearlyDuty.activitiesRequired) OR n_tasks < \(YearlyDuty.tasksRequired)
                    ORDER BY id LIMIT \(limit)
                    """))
        return try rows.map { row in
            (try Member(row: row), YearlyDuty(activities: row["n_activities"], tasks: row["n_tasks"]))
        }
    }

    private static func tasksSQL(since year: Double, scope: SQL) -> SQL {
        """
        SELECT member_id, COUNT(*) AS n FROM ledger
        WHERE reason = \(LedgerReason.taskVerified) AND created_at >= \(year) \(scope)
        GROUP BY member_id
        """
    }

    private static func activitiesSQL(since year: Double, scope: SQL) -> SQL {
        "SELECT member_id, COUNT(*) AS n FROM activities WHERE held_on >= \(year) \(scope) GROUP BY member_id"
    }

    private func countsByMember(_ sql: SQL) throws -> [Int64: Int] {
        var counts: [Int64: Int] = [:]
        for row in try Row.fetchAll(db, SQLRequest<Row>(literal: sql)) { counts[row["member_id"]] = row["n"] }
        return counts
    }
}
