import Hummingbird
import NIOCore
import TaskBoard

/// A board request: the logged-in account and its session once the auth middleware let it in, and a
/// submitted form, already read (the middleware reads it to check the CSRF token).
struct BoardRequestContext: ChildRequestContext {
    var coreContext: CoreRequestContextStorage
    var session: BoardSession?
    var user: BoardUser?
    var form = FormFields()
    /// The peer, for the login limit per client address.
    let remoteAddress: SocketAddress?

    init(context: AppRequestContext) throws {
        self.coreContext = context.coreContext
        self.remoteAddress = context.remoteAddress
    }

    /// The account behind a page that requires a login; the middleware guarantees it.
    func requireUser() throws -> BoardUser {
        guard let user else { throw HTTPError(.unauthorized) }
        return user
    }

    /// The account behind a change to the community's set-up: only a secretary makes one (a grid
    /// worker reads the set-up pages but sees no forms).
    func requireSecretary() throws -> BoardUser {
        let user = try requireUser()
        guard user.role == .secretary else { throw HTTPError(.forbidden) }
        return user
    }
}
