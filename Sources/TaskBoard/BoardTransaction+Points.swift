import Foundation
import GRDB

extension BoardTransaction {
    /// The member's points per board and in total, summed from the ledger now.
    public func balance(memberID: Int64) throws -> Balance {
        var byBoard = Dictionary(uniqueKeysWithValues: PointsBoard.allCases.map { ($0, 0) })
        let rows = try Row.fetchAll(
            db.cachedStatement(
                sql: "SELECT board, SUM(delta) AS points FROM ledger WHERE member_id = ? GROUP BY board"),
            arguments: [memberID])
        for row in rows {
            if let board = PointsBoard(rawValue: row["board"]) { byBoard[board] = row["points"] }
        }
        return Balance(byBoard: byBoard, total: byBoard.values.reduce(0, +))
    }

    /// The member's latest ledger entries, newest first: the "why do I have these points" answer.
    public func ledger(memberID: Int64, limit: Int) throws -> [LedgerEntry] {
        try LedgerEntry
            .filter(LedgerEntry.CodingKeys.memberID == memberID)
            .order(LedgerEntry.CodingKeys.id.desc)
            .limit(limit)
            .fetchAll(db)
    }

    /// Members by net points earned on `boards` since a date (all time when nil), highest first,
    /// ties by member id; members whose net is zero or below are left out. Net, so a report later
    /// merged as a duplicate counts nothing.
    public func leaderboard(
        since: Date?, until: Date? = nil, boards: [PointsBoard] = [.reports, .service], limit: Int
    ) throws -> [LeaderRow] {
        guard !boards.isEmpty else { return [] }
        let placeholders = Array(repeating: "?", count: boards.count).joined(separator: ", ")
        // `+member_id` keeps SQLite from walking the whole ledger in member order to avoid a sort: for
        // a week it reads the week's entries by date instead (9 ms instead of 390 ms at 237,000 entries).
        let sql = """
            SELECT members.*, totals.points AS points
            FROM (SELECT member_id, SUM(delta) AS points FROM ledger
                  WHERE board IN (\(placeholders)) AND created_at >= ? AND created_at < ?
                  GROUP BY +member_id HAVING SUM(delta) > 0) AS totals
            JOIN members ON members.id = totals.member_id
            ORDER BY totals.points DESC, members.id ASC
            LIMIT ?
            """
        var arguments = StatementArguments(boards.map(\.rawValue))
        arguments += [
            since.map(Self.seconds) ?? -Double.greatestFiniteMagnitude,
            until.map(Self.seconds) ?? Double.greatestFiniteMagnitude, limit,
        ]
        let rows = try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments)
        return try rows.map { row in LeaderRow(member: try Member(row: row), points: row["points"]) }
    }

    /// Spends points on goods or services, booked by the secretary. Never takes the total
    /// balance below zero; the check and the debit share this transaction.
    public func exchange(memberID: Int64, cost: Int, by operatorID: Int64, note: String? = nil) throws -> Award {
        try atomically {
            guard cost > 0 else { throw StoreError.invalidAmount(cost) }
            let member = try requireMember(memberID)
            try requireSecretary(operatorID, for: .exchange)
            let total = try balance(memberID: memberID).total
            guard total >= cost else { throw BoardError.insufficientBalance(balance: total, cost: cost) }
            var awards: [Award] = []
            try book(member, .exchange, -cost, .exchange, nil, note: note, into: &awards)
            return awards[0]
        }
    }

    /// Gives points to the community's pool (the credit bank), a member row the server designates: the
    /// debit and the pool's credit are written together, so the pool's sum is what was given.
    public func donate(memberID: Int64, amount: Int, toPool poolID: Int64) throws -> [Award] {
        try atomically {
            guard amount > 0 else { throw StoreError.invalidAmount(amount) }
            let member = try requireMember(memberID)
            let pool = try requireMember(poolID)
            let total = try balance(memberID: memberID).total
            guard total >= amount else { throw BoardError.insufficientBalance(balance: total, cost: amount) }
            var awards: [Award] = []
            try book(member, .donation, -amount, .donation, nil, into: &awards)
            try book(pool, .donation, amount, .donation, nil, into: &awards)
            return awards
        }
    }

    /// A secretary's correction, as a new entry (the ledger is never edited).
    public func adjust(
        memberID: Int64, board: PointsBoard, delta: Int, itemID: Int64?, by operatorID: Int64
    ) throws -> Award {
        try atomically {
            guard delta != 0 else { throw StoreError.invalidAmount(delta) }
            let member = try requireMember(memberID)
            try requireSecretary(operatorID, for: .adjust)
            if let itemID { _ = try requireItem(itemID) }
            var awards: [Award] = []
            try book(member, board, delta, .adjustment, itemID, into: &awards)
            return awards[0]
        }
    }
}
