import Foundation
import GRDB

// 吹哨报到: an item handed to a named department waits on that department's deadline, not the
// community's; its answers and chases go on the timeline; a second escalation goes one level up.
extension BoardTransaction {
    /// Hands an open or claimed item to a department, or an escalated one a level up (to the same
    /// department unless another is named). The item's deadline becomes the department's; the claimant,
    /// if any, is kept as history and the item no longer counts against their claims.
    public func escalate(itemID: Int64, by memberID: Int64, to escalation: Escalation) throws -> Outcome {
        try atomically {
            var item = try requireItem(itemID, .escalate, by: memberID)
            let previous = item.status == .escalated ? try currentRequest(itemID: itemID) : nil
            let department = escalation.department ?? previous?.department ?? item.escalatedTo
            item.status = .escalated
            item.escalatedTo = department
            if let hours = escalation.deadlineHours { item.dueAt = now.addingTimeInterval(Double(hours) * 3600) }
            try save(item, .escalated, by: memberID, note: department)
            if let department {
                var request = DepartmentRequest(
                    itemID: itemID, department: department,
                    level: min((previous?.level ?? 0) + 1, max(escalation.topLevel, 1)), raisedBy: memberID,
                    raisedAt: now, dueAt: item.dueAt)
                try request.insert(db)
            }
            return Outcome(item: item)
        }
    }

    /// Records the department's answer on the timeline ("城管回复：已安排 周三前清理"); the first answer
    /// to the current request is its answer time. The secretary or the item's grid worker relays it.
    public func answerDepartment(itemID: Int64, by memberID: Int64, answer: String?) throws -> Outcome {
        try atomically {
            let item = try requireItem(itemID, .answer, by: memberID)
            if var request = try currentRequest(itemID: itemID), request.answeredAt == nil {
                request.answeredAt = now
                try request.update(db)
            }
            try appendEvent(itemID, actor: memberID, .departmentAnswered, note: answer)
            return Outcome(item: item)
        }
    }

    /// 催办: the secretary presses the department; the timeline names whom.
    public func chase(itemID: Int64, by memberID: Int64) throws -> Outcome {
        try atomically {
            let item = try requireItem(itemID, .chase, by: memberID)
            try appendEvent(itemID, actor: memberID, .chased, note: item.escalatedTo)
            return Outcome(item: item)
        }
    }

    /// The request the item waits on now: its latest.
    public func currentRequest(itemID: Int64) throws -> DepartmentRequest? {
        try DepartmentRequest
            .filter(DepartmentRequest.CodingKeys.itemID == itemID)
            .order(DepartmentRequest.CodingKeys.id.desc)
            .fetchOne(db)
    }

    /// Marks the request an item waits on solved, as it is struck off.
    func solveCurrentRequest(itemID: Int64) throws {
        guard var request = try currentRequest(itemID: itemID), request.solvedAt == nil else { return }
        request.solvedAt = now
        try request.update(db)
    }

    /// Per department, the requests raised in `start ..< end`: how many were answered and solved, and
    /// the median time to the first answer; and how many items wait on it past its deadline now,
    /// however long ago they were raised (the oldest are the worst). Most raised first. The departments
    /// page shows it; the weekly report can reuse it.
    public func departmentStats(from start: Date, to end: Date) throws -> [DepartmentStats] {
        let (from, to) = (Self.seconds(start), Self.seconds(end))
        let rows = try Row.fetchAll(
            db,
            SQLRequest<Row>(
                literal: """
                    SELECT department, COUNT(*) AS raised, COUNT(answered_at) AS answered, COUNT(solved_at) AS solved
                    FROM department_requests WHERE raised_at >= \(from) AND raised_at < \(to)
                    GROUP BY department ORDER BY raised DESC, department
                    """))
        // A request an item went past (escalated again) is not waited on any more.
        var overdue: [String: Int] = [:]
        for row in try Row.fetchAll(
            db,
            SQLRequest<Row>(
                literal: """
                    SELECT r.department AS department, COUNT(*) AS n
                    FROM department_requests AS r JOIN items ON items.id = r.item_id
                    WHERE items.status = 'escalated' AND r.solved_at IS NULL AND r.due_at < \(Self.seconds(now))
                      AND r.id = (SELECT MAX(id) FROM department_requests WHERE item_id = r.item_id)
                    GROUP BY r.department
                    """))
        {
            overdue[row["department"]] = row["n"]
        }
        var stats = try rows.map { row in
            let department: String = row["department"]
            let answered: Int = row["answered"]
            return DepartmentStats(
                department: department, raised: row["raised"], answered: answered, solved: row["solved"],
                medianAnswerSeconds: try medianAnswerSeconds(department, from: from, to: to, count: answered),
                overdue: overdue[department] ?? 0)
        }
        for (department, count) in overdue.sorted(by: { $0.key < $1.key })
        where !stats.contains(where: { $0.department == department }) {
            stats.append(
                DepartmentStats(
                    department: department, raised: 0, answered: 0, solved: 0, medianAnswerSeconds: nil, overdue: count)
            )
        }
        return stats
    }

    /// The middle one or two answer times, read with LIMIT/OFFSET so only they leave SQLite.
    private func medianAnswerSeconds(_ department: String, from: Double, to: Double, count: Int) throws -> Double? {
        guard count > 0 else { return nil }
        let middle = try Double.fetchAll(
            db,
            SQLRequest<Double>(
                literal: """
                    SELECT answered_at - raised_at AS seconds FROM department_requests
                    WHERE department = \(department) AND raised_at >= \(from) AND raised_at < \(to)
                      AND answered_at IS NOT NULL
                    ORDER BY seconds LIMIT \(2 - count % 2) OFFSET \((count - 1) / 2)
                    """))
        guard !middle.isEmpty else { return nil }
        return middle.reduce(0, +) / Double(middle.count)
    }
}
