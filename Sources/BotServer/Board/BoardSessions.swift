import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import TaskBoard

/// Creates, finds and ends board logins; the browser holds a random token, the store its hash.
struct BoardSessions: Sendable {
    let store: any SessionStore
    let config: BoardConfig

    static let cookieName = "fc_session"

    /// A new login: the cookie to set and the session stored.
    func start(user: BoardUser) async throws -> (cookie: Cookie, session: BoardSession) {
        let token = Self.randomToken()
        let hours = config.sessionHours
        let session = try await store.createSession(
            tokenHash: Self.hash(token), userName: user.name, csrfToken: Self.randomToken(), lifetime: hours * 3600)
        return (cookie(value: token, maxAge: Int(hours * 3600)), session)
    }

    /// The live session behind a request's cookie; slides its expiry at most every few minutes.
    func current(_ request: Request) async throws -> BoardSession? {
        guard let token = request.cookies[Self.cookieName]?.value, !token.isEmpty else { return nil }
        let tokenHash = Self.hash(token)
        return try await store.session(tokenHash: tokenHash, lifetime: config.sessionHours * 3600, touchAfter: 300)
    }

    func end(_ request: Request) async throws {
        guard let token = request.cookies[Self.cookieName]?.value else { return }
        let tokenHash = Self.hash(token)
        try await store.deleteSession(tokenHash: tokenHash)
    }

    /// Clears the cookie in the browser.
    var expiredCookie: Cookie { cookie(value: "", maxAge: 0) }

    private func cookie(value: String, maxAge: Int) -> Cookie {
        Cookie(
            name: Self.cookieName, value: value, maxAge: maxAge, path: "/", secure: config.secureCookies,
            httpOnly: true, sameSite: .lax)
    }

    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }
            .joined()
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Compares tokens in time independent of where they differ.
    static func tokensMatch(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count, !x.isEmpty else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}
