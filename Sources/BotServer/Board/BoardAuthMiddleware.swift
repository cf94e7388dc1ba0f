import Foundation
import HTTPTypes
import Hummingbird
import Logging
import TaskBoard

/// Every `/board` page except the login page needs a live session; every form post must carry the
/// session's CSRF token (a field `csrf`, or the `X-CSRF-Token` header).
struct BoardAuthMiddleware: RouterMiddleware {
    typealias Context = BoardRequestContext

    let sessions: BoardSessions
    let accounts: BoardAccounts
    let maxFormBytes: Int
    /// What a refused form says (from `labels.yaml`).
    let csrfRefusal: String

    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var request = request
        var context = context
        let isForm = request.method != .get && request.method != .head
        if isForm {
            let body = try await request.collectBody(upTo: maxFormBytes)
            context.form = FormFields(encoded: String(buffer: body))
        }
        if request.uri.path == "/board/login" {
            return try await next(request, context)
        }
        guard let session = try await sessions.current(request), let user = accounts.users[session.userName] else {
            if isForm {
                context.logger.notice("board.refused", metadata: ["reason": "not logged in"])
                return HTMLResponse.redirect(to: "/board/login")
            }
            return HTMLResponse.redirect(to: "/board/login?next=\(Self.nextParameter(request))")
        }
        if isForm {
            let sent = context.form["csrf"] ?? request.headers[Self.csrfHeader] ?? ""
            guard BoardSessions.tokensMatch(sent, session.csrfToken) else {
                context.logger.warning(
                    "board.refused", metadata: ["reason": "bad csrf token", "board.user": "\(user.name)"])
                throw HTTPError(.forbidden, message: csrfRefusal)
            }
        }
        context.session = session
        context.user = user
        return try await next(request, context)
    }

    /// Where to go back to after logging in: this board path only, never another site.
    private static func nextParameter(_ request: Request) -> String {
        let path = request.uri.path
        guard path.hasPrefix("/board") else { return "%2Fboard" }
        let target = request.uri.query.map { "\(path)?\($0)" } ?? path
        return target.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "%2Fboard"
    }
}
