import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdBcrypt
import HummingbirdTesting

@testable import BotServer

/// A browser for the board in in-process tests: keeps cookies, finds the CSRF token on pages, and
/// posts forms as a browser does.
final class BoardClient: @unchecked Sendable {
    let client: any TestClientProtocol
    private(set) var cookies: [String: String] = [:]

    init(_ client: any TestClientProtocol) {
        self.client = client
    }

    struct Page {
        var status: HTTPResponse.Status
        var html: String
        var location: String?
        var headers: HTTPFields
    }

    func get(_ uri: String) async throws -> Page {
        try await send(uri, method: .get, body: nil)
    }

    /// Posts a form; `csrf` nil takes the token from the last board page.
    func post(_ uri: String, _ fields: [(String, String)], csrf: String? = nil) async throws -> Page {
        TranscriptLog.board(uri, fields)
        var fields = fields
        if let token = csrf ?? lastCSRF { fields.append(("csrf", token)) }
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(uri, method: .post, body: body)
    }

    /// Logs in through the form; returns the answer to the POST.
    @discardableResult
    func login(_ name: String, _ password: String) async throws -> Page {
        _ = try await get("/board/login")
        return try await post("/board/login", [("username", name), ("password", password), ("next", "/board")])
    }

    /// Follows a redirect's target.
    func follow(_ page: Page) async throws -> Page {
        try await get(page.location ?? "/board")
    }

    private(set) var lastCSRF: String?

    private func send(_ uri: String, method: HTTPRequest.Method, body: String?) async throws -> Page {
        var headers = HTTPFields()
        if !cookies.isEmpty {
            headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        }
        if body != nil { headers[.contentType] = "application/x-www-form-urlencoded" }
        let page = try await client.execute(
            uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }
        ) { response in
            Page(
                status: response.status, html: String(buffer: response.body), location: response.headers[.location],
                headers: response.headers)
        }
        for field in page.headers where field.name == .setCookie {
            let pair = field.value.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { continue }
            if pair[1].isEmpty || field.value.contains("Max-Age=0") {
                cookies[pair[0]] = nil
            } else {
                cookies[pair[0]] = pair[1]
            }
        }
        if let token = Self.csrf(in: page.html) { lastCSRF = token }
        return page
    }

    static func csrf(in html: String) -> String? {
        guard let range = html.range(of: #"name="csrf" value="([0-9a-f]+)""#, options: .regularExpression) else {
            return nil
        }
        return html[range].split(separator: "\"").dropFirst(3).first.map(String.init)
    }

    private static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }
}

/// Board accounts for tests, hashed at bcrypt's lowest cost so the suite stays quick.
func boardTestUsers() -> [BoardUserConfig] {
    let hash = Bcrypt.hash("pw-secret", cost: 4)
    return [
        BoardUserConfig(
            name: "sec", passwordHash: hash, role: .secretary, grid: nil, member: "sec-1", displayName: "王书记"),
        BoardUserConfig(
            name: "gw", passwordHash: hash, role: .gridWorker, grid: "G1", member: "gw-1", displayName: "刘芳"),
        BoardUserConfig(
            name: "gw2", passwordHash: hash, role: .gridWorker, grid: "G2", member: "gw-2", displayName: "陈二"),
    ]
}
