/// What a points message names beyond its intent: the board of "社情民意积分榜", the member and goods
/// of "兑换 @叶强 洗衣液", the amount of "捐赠 20".
public struct PointsRequest: Sendable, Equatable, Codable {
    /// The board a leaderboard question names; nil: the group's own.
    public var board: PointsBoardName?
    /// The member an exchange is booked for, as written after the command word (without "@").
    public var member: String?
    /// The goods an exchange buys, as written.
    public var goods: String?
    /// The points a donation gives; always above zero.
    public var amount: Int?

    /// Memberwise.
    public init(board: PointsBoardName? = nil, member: String? = nil, goods: String? = nil, amount: Int? = nil) {
        self.board = board
        self.member = member
        self.goods = goods
        self.amount = amount
    }
}

/// The two boards points are earned on, as a question names them.
public enum PointsBoardName: String, Sendable, Codable, CaseIterable {
    /// 社情民意收集: reports and suggestions.
    case reports
    /// 志愿服务参与: tasks done.
    case service
}
