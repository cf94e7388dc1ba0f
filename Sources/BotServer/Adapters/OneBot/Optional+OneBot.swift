/// OneBot implementations send `""` where they mean "not set" (an unset group card, an image without a
/// URL), so the mappers read optional strings through this.
extension Optional where Wrapped == String {
    /// The string unless it is missing or empty; the name is prefixed so it cannot clash with a helper
    /// elsewhere in the module.
    var oneBotNonEmpty: String? {
        switch self {
        case .some(let value) where !value.isEmpty: value
        default: nil
        }
    }
}
