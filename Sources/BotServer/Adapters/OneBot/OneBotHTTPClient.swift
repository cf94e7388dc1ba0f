import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// POSTs OneBot actions to an implementation's HTTP API with its access token, and checks the answer.
///
/// Shared by the v11 and v12 senders and the v12 file resolver, which differ only in URL and body. It uses
/// `URLSession.perform` rather than `data(for:)`, whose cancellation deadlocks FoundationNetworking.
struct OneBotHTTPClient: Sendable {
    /// The implementation's HTTP API root (v11) or action endpoint (v12).
    var apiURL: URL
    /// Sent as `Authorization: Bearer …`; nil or empty sends no header (the implementation has no token).
    var accessToken: String?
    /// Bounds each request, so a hung implementation cannot stall the outbox.
    var timeout: TimeInterval
    /// An ephemeral session: no cookies or cache shared with anything else.
    var session: URLSession

    /// A client with its own session configured for `timeout`.
    init(apiURL: URL, accessToken: String?, timeout: TimeInterval) {
        self.apiURL = apiURL
        self.accessToken = accessToken
        self.timeout = timeout
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        self.session = URLSession(configuration: configuration)
    }

    /// `<api_url>/<path>`, or the API URL itself for v12's single action endpoint.
    func url(path: String?) -> URL {
        guard let path, !path.isEmpty else { return apiURL }
        return apiURL.appendingPathComponent(path)
    }

    /// Sends one action and returns its response when `accept` says it succeeded; anything else throws
    /// `OneBotActionError` carrying the HTTP status and the implementation's explanation.
    func post(
        to url: URL, body: Data, accept: (OneBotActionResponse) -> Bool
    ) async throws(OneBotActionError) -> OneBotActionResponse {
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.setValue("application/json; charset=utf-8", forHTTPHeaderField: "Content-Type")
        if let accessToken, !accessToken.isEmpty {
            request.setValue("Bearer \(accessToken)", forHTTPHeaderField: "Authorization")
        }
        request.httpBody = body

        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.perform(request)
        } catch {
            throw OneBotActionError(httpStatus: nil, retcode: nil, detail: "\(error)")
        }
        guard let http = response as? HTTPURLResponse else {
            throw OneBotActionError(httpStatus: nil, retcode: nil, detail: "no HTTP response")
        }
        let excerpt = String(decoding: data.prefix(200), as: UTF8.self)
        guard (200..<300).contains(http.statusCode) else {
            throw OneBotActionError(httpStatus: http.statusCode, retcode: nil, detail: excerpt)
        }
        guard let answer = try? JSONDecoder().decode(OneBotActionResponse.self, from: data) else {
            throw OneBotActionError(
                httpStatus: http.statusCode, retcode: nil, detail: "not a OneBot action response: \(excerpt)")
        }
        guard accept(answer) else {
            throw OneBotActionError(httpStatus: http.statusCode, retcode: answer.retcode, detail: answer.summary)
        }
        return answer
    }
}
