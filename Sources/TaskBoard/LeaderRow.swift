/// One line of the leaderboard (the weekly champion).
public struct LeaderRow: Sendable, Equatable {
    public var member: Member
    /// Net points earned on the chosen boards in the period.
    public var points: Int
    /// What earned the points, filled where a line names it (the week's champions).
    public var contribution: Contribution?

    /// Memberwise.
    public init(member: Member, points: Int, contribution: Contribution? = nil) {
        self.member = member
        self.points = points
        self.contribution = contribution
    }
}
