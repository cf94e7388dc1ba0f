import Foundation

// A wish's way through the community (点单 → 派单 → 接单 → 晒单): it waits for the secretary's
// approval, is then published to the members and claimable, and is pointed out to the secretary
// when nobody takes it for long.
extension Item {
    /// Members may see and claim it: any issue or suggestion, a wish once approved.
    public var isApproved: Bool { kind != .wish || approvedAt != nil }

    /// A wish still waiting on the board for the secretary's approval.
    public var awaitsApproval: Bool { !isApproved && !status.isTerminal }

    /// An approved wish nobody has claimed for `days` days since it was published: the weekly
    /// publication names it to the secretary and the board marks it. 0 days turns the mark off.
    public func isUnclaimedLong(at now: Date, days: Int) -> Bool {
        guard kind == .wish, status == .open, days > 0, let approvedAt else { return false }
        return now.timeIntervalSince(approvedAt) >= Double(days) * 86_400
    }
}
