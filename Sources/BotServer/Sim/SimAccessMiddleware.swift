import Hummingbird
import Logging
import TaskBoard

/// On a real deployment the simulator posts into the real board as any persona, the secretary
/// included, so it is for a logged-in secretary only, and its posts carry the session's CSRF token.
struct SimAccessMiddleware: RouterMiddleware {
    typealias Context = SimRequestContext

    let sessions: BoardSessions
    let accounts: BoardAccounts
    let pages: PageRenderer

    static let loginPage = "/board/login?next=%2Fsim"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var context = context
        let isPage = request.method == .get && ["/sim", "/sim/"].contains(request.uri.path)
        guard let session = try await sessions.current(request), let user = accounts.users[session.userName] else {
            context.logger.notice("sim.refused", metadata: ["reason": "not logged in"])
            return isPage
                ? HTMLResponse.redirect(to: Self.loginPage)
                : JSONResponse.error(.unauthorized, "log in to the board as the secretary first")
        }
        guard user.role == .secretary else {
            context.logger.warning(
                "sim.refused", metadata: ["reason": "not the secretary", "board.user": "\(user.name)"])
            guard isPage else { return JSONResponse.error(.forbidden, "the simulator is for the secretary only") }
            return try pages.page(
                .error,
                BoardErrorMiddleware.ErrorView(status: 403, message: pages.labels.word(.simSecretaryOnly)),
                status: .forbidden)
        }
        if request.method != .get, request.method != .head {
            let sent = request.headers[BoardAuthMiddleware.csrfHeader] ?? ""
            guard BoardSessions.tokensMatch(sent, session.csrfToken) else {
                context.logger.warning(
                    "sim.refused", metadata: ["reason": "bad csrf token", "board.user": "\(user.name)"])
                return JSONResponse.error(.forbidden, "missing or stale X-CSRF-Token; reload the page")
            }
        }
        context.csrf = session.csrfToken
        return try await next(request, context)
    }
}
