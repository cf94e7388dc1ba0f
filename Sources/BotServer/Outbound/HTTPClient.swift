import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The one outbound HTTP set-up: an ephemeral session bounded by a timeout, JSON POSTs, and the
/// answer's status checked. The reply senders and the OneBot client post through it; the photo download
/// shares its configuration but keeps its own delegate (address policy, redirects, size limit).
struct HTTPClient: Sendable {
    /// A 2xx answer.
    struct Answer: Sendable {
        var status: Int
        var data: Data

        /// The start of the body, for logs and error details.
        var excerpt: String { String(decoding: data.prefix(200), as: UTF8.self) }
    }

    /// Bounds each request, so a hung peer cannot stall the outbox.
    var timeout: TimeInterval
    var session: URLSession

    init(timeout: TimeInterval) {
        self.timeout = timeout
        self.session = URLSession(configuration: Self.configuration(timeout: timeout))
    }

    /// Ephemeral, so no cookies or cache are shared with anything else; `timeout` bounds both the wait
    /// for each packet and the whole exchange.
    static func configuration(timeout: TimeInterval) -> URLSessionConfiguration {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        return configuration
    }

    /// POSTs `body` as JSON, with `Authorization: Bearer` when `bearer` is set. A transport failure, no
    /// HTTP answer or a status outside 2xx throws, with the status and the start of the body.
    func postJSON(_ body: Data, to url: URL, bearer: String? = nil) async throws(ReplySendError) -> Answer {
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.setValue("application/json; charset=utf-8", forHTTPHeaderField: "Content-Type")
        if let bearer, !bearer.isEmpty {
            request.setValue("Bearer \(bearer)", forHTTPHeaderField: "Authorization")
        }
        request.httpBody = body
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.perform(request)
        } catch {
            throw ReplySendError(status: nil, detail: Self.describe(error, url: url))
        }
        guard let http = response as? HTTPURLResponse else {
            throw ReplySendError(status: nil, detail: "no HTTP response")
        }
        let answer = Answer(status: http.statusCode, data: data)
        guard (200..<300).contains(http.statusCode) else {
            throw ReplySendError(status: http.statusCode, detail: answer.excerpt)
        }
        return answer
    }

    /// A transport failure as its code and host only: URLs carry secrets (a WeCom robot's `key=`,
    /// tokens in paths), and this text is logged and stored with the outbox row.
    static func describe(_ error: any Error, url: URL) -> String {
        let host = url.host ?? "?"
        if let failure = error as? URLError { return "URLError \(failure.code.rawValue) (\(host))" }
        return "\(type(of: error)) (\(host))"
    }
}
