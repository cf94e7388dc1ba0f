import Hummingbird

/// A simulator request: when the simulator needs a board login, the session's CSRF token, which
/// the page hands to its script for the `X-CSRF-Token` header.
struct SimRequestContext: ChildRequestContext {
    var coreContext: CoreRequestContextStorage
    var csrf: String?

    init(context: AppRequestContext) throws {
        self.coreContext = context.coreContext
    }
}
