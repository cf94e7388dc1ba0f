import Foundation
import GRDB

extension BoardTransaction {
    /// The review of `start ..< end`, counted by SQL aggregates so it costs the same for any history.
    public func weekReport(from start: Date, to end: Date, overdueLimit: Int = 20) throws -> WeekReport {
        let (from, to) = (Self.seconds(start), Self.seconds(end))
        let closed = try count(
            "SELECT COUNT(*) FROM items WHERE status = 'closed' AND closed_at >= \(from) AND closed_at < \(to)")
        let onTime = try count(
            """
            SELECT COUNT(*) FROM items WHERE status = 'closed' AND closed_at >= \(from) AND closed_at < \(to)
            AND (due_at IS NULL OR closed_at <= due_at)
            """)
        let escalations = try Row.fetchAll(
            db,
            SQLRequest<Row>(
                literal: """
                    SELECT NULLIF(note, '') AS label, COUNT(*) AS n FROM timeline_events
                    WHERE action = 'escalated' AND at >= \(from) AND at < \(to)
                    GROUP BY label ORDER BY n DESC, label IS NULL, label
                    """)
        ).map { CountRow(label: $0["label"], count: $0["n"]) }
        let overdue = try Item.all()
            .filter(status: ItemStatus.withCommunity)
            .overdue(at: end)
            .order(Item.CodingKeys.dueAt, Item.CodingKeys.id)
            .limit(overdueLimit)
            .fetchAll(db)
        return WeekReport(
            start: start, end: end,
            reported: try count("SELECT COUNT(*) FROM items WHERE created_at >= \(from) AND created_at < \(to)"),
            closed: closed, closedOnTime: onTime, escalations: escalations,
            categories: try tally("category", from: from, to: to), grids: try tally("grid", from: from, to: to),
            overdue: overdue,
            reportsChampion: try champion(of: .reports, since: start, until: end),
            serviceChampion: try champion(of: .service, since: start, until: end))
    }

    /// The top of one board in the period, with what they did to earn it.
    public func champion(of board: PointsBoard, since start: Date, until end: Date) throws -> LeaderRow? {
        guard var row = try leaderboard(since: start, until: end, boards: [board], limit: 1).first,
            let memberID = row.member.id
        else { return nil }
        row.contribution = try contribution(memberID: memberID, since: start, until: end)
        return row
    }
}
