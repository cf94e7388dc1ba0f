/// Why an outbound OneBot request could not be built; thrown before anything goes on the wire.
enum OneBotRequestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// v11 addresses groups and users by int64 number; the stored chat id is not one.
    case nonNumericID(String)

    var description: String {
        switch self {
        case .nonNumericID(let id): "OneBot 11 needs a numeric group or user id, got \(id)"
        }
    }
}
