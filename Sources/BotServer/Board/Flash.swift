import Foundation
import Hummingbird

/// A one-time notice carried across the redirect after a form post ("#12 已验收"), in a cookie
/// rather than the URL, so nobody can link to a board page showing words of their choosing.
enum Flash {
    static let cookieName = "fc_flash"

    struct Notice: Sendable {
        var text: String
        var isError: Bool
    }

    static func set(_ text: String, isError: Bool = false, on response: inout Response, secure: Bool) {
        let value = (isError ? "e:" : "i:") + text
        let encoded = value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        response.setCookie(
            Cookie(
                name: cookieName, value: encoded, maxAge: 60, path: "/board", secure: secure, httpOnly: true,
                sameSite: .lax))
    }

    static func read(_ request: Request) -> Notice? {
        guard let raw = request.cookies[cookieName]?.value, let value = raw.removingPercentEncoding, value.count > 2
        else { return nil }
        return Notice(text: String(value.dropFirst(2)), isError: value.hasPrefix("e:"))
    }

    static func clear(on response: inout Response, secure: Bool) {
        response.setCookie(
            Cookie(
                name: cookieName, value: "", maxAge: 0, path: "/board", secure: secure, httpOnly: true, sameSite: .lax))
    }
}
