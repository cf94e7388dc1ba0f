import Foundation
import IntentParser
import TaskBoard

extension ChatQueries {
    /// "我的积分": what each earning board holds, what was spent or given, and what is left to spend.
    func points() throws -> ReplyDraft {
        let balance = try tx.balance(memberID: memberID)
        let earned = [PointsBoard.reports, .service].map {
            BoardPointsView(label: labels.board($0), points: balance.byBoard[$0] ?? 0)
        }
        let spent = [PointsBoard.exchange, .donation].compactMap { board -> BoardPointsView? in
            guard let points = balance.byBoard[board], points != 0 else { return nil }
            return BoardPointsView(label: labels.board(board), points: -points)
        }
        return try replies.toSender(
            member, .points, PointsView(name: member.name, total: balance.total, boards: earned, spent: spent))
    }

    /// "积分榜": this week's board the question names, else the group's own — 社情民意 for the riders'
    /// 蜂巢驿站, 志愿服务 for the party members' group — with what the 信用银行 holds.
    func leaderboard(_ parsed: ParseResult) throws -> ReplyDraft {
        let board = Self.board(named: parsed.points?.board, group: group, role: member.role)
        let since = replies.config.startOfWeek(containing: tx.now)
        let rows = try tx.leaderboard(since: since, boards: [board], limit: Self.leaderboardLimit)
        let view = LeaderboardView(
            period: labels.periods[.week], board: labels.board(board),
            rows: rows.enumerated().map {
                LeaderRowView(rank: $0.offset + 1, name: $0.element.member.name, points: $0.element.points)
            },
            pool: PoolView(name: labels.word(.creditBank), points: try tx.creditBankBalance()))
        return try replies.toSender(member, .leaderboard, view)
    }

    /// How many names "积分榜" lists in a chat.
    static let leaderboardLimit = 10

    /// The board named, else the group's (a group nobody configured: the sender's role decides).
    static func board(named name: PointsBoardName?, group: GroupRole?, role: MemberRole) -> PointsBoard {
        switch name {
        case .reports: return .reports
        case .service: return .service
        case nil:
            switch group {
            case .riders: return .reports
            case .members: return .service
            case nil: return role == .rider || role == .resident ? .reports : .service
            }
        }
    }
}
