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
        let tasks = try countsByMember(
            """
            SELECT member_id, COUNT(*) AS n FROM ledger
            WHERE reason = \(LedgerReason.taskVerified) AND created_at >= \(year) \(scope)
            GROUP BY member_id
            """)
        let activities = try countsByMember(
            """
            SELECT member_id, COUNT(*) AS n FROM activities
            WHERE held_on >= \(year) \(scope) GROUP BY member_id
            """)

        return members.map { member in
            let id = member.id ?? 0
            var byBoard = Dictionary(uniqueKeysWithValues: PointsBoard.allCases.map { ($0, 0) })
            byBoard.merge(points[id] ?? [:]) { _, summed in summed }
            let (taskCount, activityCount) = (tasks[id] ?? 0, activities[id] ?? 0)
            let hasDuty = member.role == .member
            return MemberSummary(
                member: member, balance: Balance(byBoard: byBoard, total: byBoard.values.reduce(0, +)),
                tasksCompleted: taskCount, activities: activityCount, hasDuty: hasDuty,
                dutyMet: hasDuty && taskCount >= 1 && activityCount >= 1,
                pendingRegistration: member.isPendingRegistration)
        }
    }

    private func countsByMember(_ sql: SQL) throws -> [Int64: Int] {
        var counts: [Int64: Int] = [:]
        for row in try Row.fetchAll(db, SQLRequest<Row>(literal: sql)) { counts[row["member_id"]] = row["n"] }
        return counts
    }
}
