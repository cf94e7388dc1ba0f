import Foundation
import Hummingbird
import Logging

/// `/board/login` and `/board/logout`. The login form is protected by a double-submit token
/// (cookie + hidden field) because there is no session yet to hold one.
struct LoginController: Sendable {
    let site: BoardSite

    static let loginCookie = "fc_login"

    var routes: RouteCollection<BoardRequestContext> {
        let routes = RouteCollection(context: BoardRequestContext.self)
        routes.get("login", use: form)
        routes.post("login", use: login)
        routes.post("logout", use: logout)
        return routes
    }

    struct LoginView: Sendable {
        var csrf: String
        var next: String
        var username: String?
        var error: String?
        var demo: Bool
        var demoPassword: String
    }

    @Sendable func form(request: Request, context: BoardRequestContext) async throws -> Response {
        if try await site.sessions.current(request) != nil { return HTMLResponse.redirect(to: "/board") }
        return try render(next: Self.safeNext(request.uri.queryParameters.get("next")), username: nil, error: nil)
    }

    @Sendable func login(request: Request, context: BoardRequestContext) async throws -> Response {
        let form = context.form
        let next = Self.safeNext(form["next"])
        guard let sent = form["csrf"], let cookie = request.cookies[Self.loginCookie]?.value,
            BoardSessions.tokensMatch(sent, cookie)
        else {
            context.logger.warning("board.login", metadata: ["outcome": "bad csrf token"])
            return try render(
                next: next, username: form["username"], error: site.labels.word(.loginExpired),
                status: .forbidden)
        }
        let name = form["username"] ?? ""
        let password = context.form.values["password"]?.first ?? ""
        let address = ClientAddress.of(
            request, peer: context.remoteAddress, header: site.config.board.clientAddressHeader)
        do {
            try await site.throttle.begin(name, address: address)
        } catch .locked(let until) {
            context.logger.warning(
                "board.login",
                metadata: ["outcome": "locked", "board.user": "\(name)", "board.client": "\(address ?? "-")"])
            let minutes = max(1, Int((until.timeIntervalSinceNow / 60).rounded(.up)))
            return try render(
                next: next, username: name, error: site.labels.say(.loginLocked(minutes: minutes)),
                status: .tooManyRequests)
        } catch .busy {
            context.logger.warning("board.login", metadata: ["outcome": "busy", "board.user": "\(name)"])
            return try render(
                next: next, username: name, error: site.labels.word(.loginBusy), status: .tooManyRequests)
        }
        let user =
            name.isEmpty || password.isEmpty ? nil : await site.accounts.authenticate(name: name, password: password)
        await site.throttle.finish(name, address: address, succeeded: user != nil)
        guard let user else {
            context.logger.warning("board.login", metadata: ["outcome": "wrong password", "board.user": "\(name)"])
            return try render(
                next: next, username: name, error: site.labels.word(.loginFailed), status: .unauthorized)
        }
        let started = try await site.sessions.start(user: user)
        context.logger.info("board.login", metadata: ["outcome": "ok", "board.user": "\(user.name)"])
        var response = HTMLResponse.redirect(to: next)
        response.setCookie(started.cookie)
        response.setCookie(loginCookie(value: "", maxAge: 0))
        return response
    }

    @Sendable func logout(request: Request, context: BoardRequestContext) async throws -> Response {
        try await site.sessions.end(request)
        context.logger.info("board.logout", metadata: ["board.user": "\(context.user?.name ?? "-")"])
        var response = HTMLResponse.redirect(to: "/board/login")
        response.setCookie(site.sessions.expiredCookie)
        return response
    }

    private func render(
        next: String, username: String?, error: String?, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let token = BoardSessions.randomToken()
        var response = try site.pages.page(
            .login,
            LoginView(
                csrf: token, next: next, username: username, error: error, demo: site.accounts.isDemo,
                demoPassword: BoardAccounts.demoPassword),
            status: status)
        response.setCookie(loginCookie(value: token, maxAge: 3600))
        return response
    }

    private func loginCookie(value: String, maxAge: Int) -> Cookie {
        Cookie(
            name: Self.loginCookie, value: value, maxAge: maxAge, path: "/board",
            secure: site.config.board.secureCookies,
            httpOnly: true, sameSite: .strict)
    }

    /// Only a path on this board or the simulator: an open redirect to another site would make the
    /// login page a phishing tool.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/board") || next == "/sim" || next.hasPrefix("/sim?"), !next.hasPrefix("//"),
            !next.contains("\\"),
            !next.hasPrefix("/board/login")
        else { return "/board" }
        return next
    }
}
