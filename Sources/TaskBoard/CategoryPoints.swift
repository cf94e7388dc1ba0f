/// What a report of one category pays where it differs from the general rules (分类分级: a broken
/// manhole is worth more than litter). A nil amount keeps the general rule's.
public struct CategoryPoints: Sendable, Codable, Equatable {
    public var reportAccepted: Int?
    public var reportVerified: Int?
    public var taskVerified: Int?

    /// Memberwise.
    public init(reportAccepted: Int? = nil, reportVerified: Int? = nil, taskVerified: Int? = nil) {
        self.reportAccepted = reportAccepted
        self.reportVerified = reportVerified
        self.taskVerified = taskVerified
    }
}
