import Foundation

/// What the calendar owes an item that still needs work: a reminder when three quarters of its time
/// is gone, a notice when its deadline passes, a nudge when its claim stalls and, a day later, the
/// claim's release. Pure: the scheduler asks, the store remembers what was sent.
public struct ItemWatch: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case dueSoon = "due_soon"
        case overdue
        case stalled
        case expired
    }

    public var kind: Kind
    /// The claim or deadline it is about; the same kind is owed again only for a new one.
    public var cycle: Date

    /// What the calendar looks through: items by deadline, or claims.
    public enum Scope: Sendable {
        case deadlines, claims
    }

    /// What `item` is owed at `now`; `stallDays` without progress nudge a claim, one more releases it.
    public static func owed(
        by item: Item, lastActivity: Date?, at now: Date, stallDays: Int
    ) -> [ItemWatch] {
        var owed: [ItemWatch] = []
        if let due = item.dueAt, item.status != .escalated {
            if due <= now {
                owed.append(ItemWatch(kind: .overdue, cycle: due))
            } else if item.status == .claimed,
                now >= item.createdAt.addingTimeInterval(due.timeIntervalSince(item.createdAt) * 0.75)
            {
                owed.append(ItemWatch(kind: .dueSoon, cycle: due))
            }
        }
        if item.status == .claimed, let claimed = item.claimedAt, stallDays > 0 {
            let quiet = max(claimed, lastActivity ?? claimed)
            let day = 24.0 * 3600
            if now >= quiet.addingTimeInterval(Double(stallDays + 1) * day) {
                owed.append(ItemWatch(kind: .expired, cycle: claimed))
            } else if now >= quiet.addingTimeInterval(Double(stallDays) * day) {
                owed.append(ItemWatch(kind: .stalled, cycle: quiet))
            }
        }
        return owed
    }
}
