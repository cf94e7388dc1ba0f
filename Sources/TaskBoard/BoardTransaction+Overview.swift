import Foundation
import GRDB

// The board's front page, counted by SQL aggregates so it costs the same at 100 items as at 100,000.
extension BoardTransaction {
    /// The state of the board now and the week since `weekStart`; `grids` limits every number to
    /// those grids (a grid worker's view), nil counts the whole community.
    public func overview(weekStart: Date, grids: [String]?) throws -> BoardOverview {
        let week = Self.seconds(weekStart)
        let scope = gridScope(grids)

        var current = Dictionary(uniqueKeysWithValues: ItemStatus.active.map { ($0, 0) })
        for row in try Row.fetchAll(
            db,
            SQLRequest<Row>(
                literal: """
                    SELECT status, COUNT(*) AS n FROM items
                    WHERE status IN \(ItemStatus.active) \(scope) GROUP BY status
                    """))
        {
            if let status = ItemStatus(rawValue: row["status"]) { current[status] = row["n"] }
        }
        let overdue = try count(
            """
            SELECT COUNT(*) FROM items
            WHERE status IN \(ItemStatus.withCommunity) AND due_at < \(Self.seconds(now)) \(scope)
            """)

        let reported = try Row.fetchOne(
            db,
            SQLRequest<Row>(
                literal: """
                    SELECT COUNT(*) AS n, COALESCE(SUM(status = 'closed'), 0) AS closed FROM items
                    WHERE created_at >= \(week) \(scope)
                    """))
        let (reportedCount, reportedClosed): (Int, Int) = (reported?["n"] ?? 0, reported?["closed"] ?? 0)
        // Cancelling also sets closed_at, so the status tells a closing from a withdrawal.
        let closedThisWeek = try count(
            "SELECT COUNT(*) FROM items WHERE closed_at >= \(week) AND status = 'closed' \(scope)")

        return BoardOverview(
            weekStart: weekStart,
            open: current[.open] ?? 0, claimed: current[.claimed] ?? 0, submitted: current[.submitted] ?? 0,
            escalated: current[.escalated] ?? 0, overdue: overdue,
            reportedThisWeek: reportedCount, reportedThisWeekClosed: reportedClosed,
            resolutionRate: reportedCount == 0 ? nil : Double(reportedClosed) / Double(reportedCount),
            closedThisWeek: closedThisWeek,
            medianSecondsToClose: try medianSecondsToClose(since: week, scope: scope, count: closedThisWeek),
            categories: try tally("category", from: week, to: Self.seconds(now) + 1, scope: scope),
            grids: try tally("grid", from: week, to: Self.seconds(now) + 1, scope: scope),
            champion: try champion(since: weekStart, grids: grids))
    }

    /// The middle one or two of the closings' durations, read with LIMIT/OFFSET so only they leave SQLite.
    private func medianSecondsToClose(since week: Double, scope: SQL, count: Int) throws -> Double? {
        guard count > 0 else { return nil }
        let middle = try Double.fetchAll(
            db,
            SQLRequest<Double>(
                literal: """
                    SELECT closed_at - created_at AS seconds FROM items
                    WHERE closed_at >= \(week) AND status = 'closed' \(scope)
                    ORDER BY seconds LIMIT \(2 - count % 2) OFFSET \((count - 1) / 2)
                    """))
        guard !middle.isEmpty else { return nil }
        return middle.reduce(0, +) / Double(middle.count)
    }

    /// Reports from `start` to before `end` (unix seconds) grouped by `column` (category or grid), most
    /// first; items without a value come after the named ones on a tie.
    func tally(_ column: String, from start: Double, to end: Double, scope: SQL = "") throws -> [CountRow] {
        let rows = try Row.fetchAll(
            db,
            SQLRequest<Row>(
                literal: """
                    SELECT \(identifier: column) AS label, COUNT(*) AS n FROM items
                    WHERE created_at >= \(start) AND created_at < \(end) \(scope)
                    GROUP BY label ORDER BY n DESC, label IS NULL, label
                    """))
        return rows.map { row in CountRow(label: row["label"], count: row["n"]) }
    }

    /// The leaderboard's top, or for a grid view the top by points booked on items of those grids,
    /// so a grid worker's champion is whoever worked in the grid, wherever they live.
    private func champion(since weekStart: Date, grids: [String]?) throws -> LeaderRow? {
        guard let grids else { return try leaderboard(since: weekStart, limit: 1).first }
        let boards = [PointsBoard.reports, PointsBoard.service]
        let row = try Row.fetchOne(
            db,
            SQLRequest<Row>(
                literal: """
                    SELECT members.*, totals.points AS points
                    FROM (SELECT ledger.member_id, SUM(ledger.delta) AS points
                          FROM ledger JOIN items ON items.id = ledger.item_id
                          WHERE ledger.board IN \(boards) AND ledger.created_at >= \(Self.seconds(weekStart))
                            AND items.grid IN \(grids)
                          GROUP BY ledger.member_id HAVING SUM(ledger.delta) > 0) AS totals
                    JOIN members ON members.id = totals.member_id
                    ORDER BY totals.points DESC, members.id ASC
                    LIMIT 1
                    """))
        guard let row else { return nil }
        return LeaderRow(member: try Member(row: row), points: row["points"])
    }

    /// `AND items.grid IN (…)` for a grid worker's view, nothing for the community's.
    func gridScope(_ grids: [String]?) -> SQL {
        guard let grids else { return "" }
        return "AND items.grid IN \(grids)"
    }

    /// A single COUNT(*).
    func count(_ sql: SQL) throws -> Int {
        try Int.fetchOne(db, SQLRequest<Int>(literal: sql)) ?? 0
    }
}
