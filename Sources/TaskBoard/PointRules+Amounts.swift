extension PointRules {
    /// Paid to the reporter when a report of `category` becomes an item.
    public func reportAccepted(for category: String?) -> Int {
        amounts(category)?.reportAccepted ?? reportAccepted
    }

    /// Paid to the reporter when an item of `category` is verified or resolved.
    public func reportVerified(for category: String?) -> Int {
        amounts(category)?.reportVerified ?? reportVerified
    }

    /// Paid to the claimant when work on an item of `category` is verified.
    public func taskVerified(for category: String?) -> Int {
        amounts(category)?.taskVerified ?? taskVerified
    }

    /// Whether the claimant of `item` earns service points for it: a volunteer always; the secretary,
    /// or the grid worker of the item's grid, only when `staffEarn` says their own job pays too.
    public func paysService(to claimant: Member, on item: Item) -> Bool {
        staffEarn || !item.relations(of: claimant).contains(.supervisor)
    }

    private func amounts(_ category: String?) -> CategoryPoints? {
        category.flatMap { byCategory[$0] }
    }
}
