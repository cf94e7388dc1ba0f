import HTTPTypes
import Hummingbird
import NIOCore

/// HTML pages and redirects with the board's security headers: no framing, no caching of private
/// pages, scripts and styles from this server only.
enum HTMLResponse {
    static let contentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    static func page(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        addSecurityHeaders(&headers)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// 303: after a form post the browser fetches the next page with GET, so reloading does not post twice.
    static func redirect(to location: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        addSecurityHeaders(&headers)
        return Response(status: .seeOther, headers: headers)
    }

    static func addSecurityHeaders(_ headers: inout HTTPFields) {
        headers[.cacheControl] = "no-store"
        headers[HTTPField.Name("Content-Security-Policy")!] = contentSecurityPolicy
        headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
    }
}
