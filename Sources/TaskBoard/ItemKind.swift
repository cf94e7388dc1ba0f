import GRDB

/// What an item is, which decides its deadline and whether its report earns points.
public enum ItemKind: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    /// A problem seen in the community (a broken manhole cover); reports earn points.
    case issue
    /// A resident's micro-wish for a member to fulfil; the reporter earns nothing.
    case wish
    /// A suggestion; reports earn points like issues.
    case suggestion

    /// Whether the reporter earns report points for this kind.
    var paysReporter: Bool {
        switch self {
        case .issue, .suggestion: true
        case .wish: false
        }
    }
}
