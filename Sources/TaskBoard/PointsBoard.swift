import GRDB

/// The ledger's boards, as the community publishes them (design section 5).
public enum PointsBoard: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    /// Reports and suggestions.
    case reports
    /// Completed service.
    case service
    /// Points spent on goods and services.
    case exchange
    /// Points given to the community's pool (the credit bank).
    case donation
}
