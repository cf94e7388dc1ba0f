/// The leaderboard page's periods, by their query value.
enum LeaderboardPeriod: String, CaseIterable, Sendable {
    case week, month, year
}
