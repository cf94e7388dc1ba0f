/// One line of the leaderboard (the weekly champion).
public struct LeaderRow: Sendable, Equatable {
    public var member: Member
    /// Net points earned on the chosen boards in the period.
    public var points: Int

    /// Memberwise.
    public init(member: Member, points: Int) {
        self.member = member
        self.points = points
    }
}
