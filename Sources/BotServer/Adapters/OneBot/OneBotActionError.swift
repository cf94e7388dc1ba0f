/// A OneBot action that did not succeed: transport failure, HTTP error, or an action response that is not ok.
///
/// Kept apart from `ReplySendError` because the file resolver is not a reply sender; the senders convert
/// it, keeping the HTTP status and the implementation's own words.
struct OneBotActionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The HTTP status, when a response arrived.
    var httpStatus: Int?
    /// The action's `retcode`, when the body was an action response.
    var retcode: Int64?
    /// What the implementation said, or what went wrong before it could answer.
    var detail: String

    var description: String {
        (httpStatus.map { "HTTP \($0): " } ?? "") + detail
    }

    /// The outbox's error type, which stores `status` and `detail`.
    var replySendError: ReplySendError {
        ReplySendError(status: httpStatus, detail: detail)
    }
}
