/// Points a command booked, with the member's name, so the reply can announce them without a query.
public struct Award: Sendable, Equatable {
    public var memberID: Int64
    public var memberName: String
    public var board: PointsBoard
    public var delta: Int
    public var reason: LedgerReason

    /// Memberwise.
    public init(memberID: Int64, memberName: String, board: PointsBoard, delta: Int, reason: LedgerReason) {
        self.memberID = memberID
        self.memberName = memberName
        self.board = board
        self.delta = delta
        self.reason = reason
    }
}
