import GRDB

/// Why a ledger entry exists, so every balance can be explained line by line.
public enum LedgerReason: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    /// A report became an item (`PointRules.reportAccepted`).
    case reportAccepted = "report_accepted"
    /// The reported item was verified or resolved (`PointRules.reportVerified`).
    case reportVerified = "report_verified"
    /// The claimant's work was verified (`PointRules.taskVerified`).
    case taskVerified = "task_verified"
    /// Reverses a report's acceptance when it is merged as a duplicate.
    case duplicate
    /// A report cancelled as invalid (`PointRules.invalidReport`).
    case reportInvalid = "report_invalid"
    /// A suggestion was adopted (`PointRules.suggestionAdopted`).
    case suggestionAdopted = "suggestion_adopted"
    /// Points spent on goods or services.
    case exchange
    /// Points given to, or received by, the community's pool.
    case donation
    /// A secretary's manual correction.
    case adjustment
}
