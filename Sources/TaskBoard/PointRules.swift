/// The configurable point amounts and limits of the board, so a community can change its published
/// rules without touching code (design section 5).
public struct PointRules: Sendable, Codable, Equatable {
    /// Paid to the reporter when a report of an issue or suggestion becomes an item.
    public var reportAccepted: Int
    /// Paid to the reporter, on top of `reportAccepted`, when the item is verified closed.
    public var reportVerified: Int
    /// Paid to the claimant when the work is verified.
    public var taskVerified: Int
    /// Reserved for a wish rated hard; not paid by any command yet.
    public var hardWishVerified: Int
    /// Paid to a suggestion's reporter when the community adopts it.
    public var suggestionAdopted: Int
    /// Booked (negative) when a report is cancelled as invalid.
    public var invalidReport: Int
    /// How many items one member may hold in `claimed` status at once.
    public var maxOpenClaims: Int
    /// Deadline of an issue, from its creation.
    public var issueDeadlineHours: Int
    /// Deadline of a wish, from its creation.
    public var wishDeadlineHours: Int
    /// Deadline of a suggestion, from its creation.
    public var suggestionDeadlineHours: Int
    /// Deadlines of issues by category code, where the community sets them apart from
    /// `issueDeadlineHours` (分类分级: an open manhole cannot wait as long as a faded sign).
    public var categoryDeadlineHours: [String: Int] = [:]
    /// Whether a secretary, or a grid worker in the own grid, earns `taskVerified` for work that is
    /// their job anyway; off by default, so the 志愿服务 board ranks volunteers only.
    public var staffEarn: Bool
    /// Amounts for one category that differ from the defaults above (分类分级), by category code.
    public var byCategory: [String: CategoryPoints]

    /// Defaults are the rules published by the community the design describes.
    public init(
        reportAccepted: Int = 1,
        reportVerified: Int = 2,
        taskVerified: Int = 5,
        hardWishVerified: Int = 10,
        suggestionAdopted: Int = 2,
        invalidReport: Int = -1,
        maxOpenClaims: Int = 3,
        issueDeadlineHours: Int = 72,
        wishDeadlineHours: Int = 168,
        suggestionDeadlineHours: Int = 336,
        staffEarn: Bool = false,
        byCategory: [String: CategoryPoints] = [:]
    ) {
        self.reportAccepted = reportAccepted
        self.reportVerified = reportVerified
        self.taskVerified = taskVerified
        self.hardWishVerified = hardWishVerified
        self.suggestionAdopted = suggestionAdopted
        self.invalidReport = invalidReport
        self.maxOpenClaims = maxOpenClaims
        self.issueDeadlineHours = issueDeadlineHours
        self.wishDeadlineHours = wishDeadlineHours
        self.suggestionDeadlineHours = suggestionDeadlineHours
        self.staffEarn = staffEarn
        self.byCategory = byCategory
    }
}
