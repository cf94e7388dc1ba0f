/// The orders of the board's item list. Every order ends in the item number, so a page boundary
/// never splits or repeats items that tie.
public enum ItemSort: String, Sendable, CaseIterable, Codable {
    /// Newest report first: the default list.
    case newest
    /// Oldest report first: what has waited longest.
    case oldest
    /// Earliest deadline first; items without a deadline last.
    case dueSoonest
    /// Latest closing first; items never closed last.
    case recentlyClosed
    /// By item number, ascending: the order of a printed list.
    case id
}
