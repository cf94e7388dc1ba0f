import Foundation

/// POSTs OneBot actions to an implementation's HTTP API with its access token, and checks the answer.
///
/// Shared by the v11 and v12 senders and the v12 file resolver, which differ only in URL and body; the
/// transport is the shared `HTTPClient`.
struct OneBotHTTPClient: Sendable {
    /// The implementation's HTTP API root (v11) or action endpoint (v12).
    var apiURL: URL
    /// Sent as `Authorization: Bearer …`; nil or empty sends no header (the implementation has no token).
    var accessToken: String?
    var http: HTTPClient

    init(apiURL: URL, accessToken: String?, timeout: TimeInterval) {
        self.apiURL = apiURL
        self.accessToken = accessToken
        self.http = HTTPClient(timeout: timeout)
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
        let reply: HTTPClient.Answer
        do {
            reply = try await http.postJSON(body, to: url, bearer: accessToken)
        } catch {
            throw OneBotActionError(httpStatus: error.status, retcode: nil, detail: error.detail)
        }
        guard let answer = try? JSONDecoder().decode(OneBotActionResponse.self, from: reply.data) else {
            throw OneBotActionError(
                httpStatus: reply.status, retcode: nil, detail: "not a OneBot action response: \(reply.excerpt)")
        }
        guard accept(answer) else {
            throw OneBotActionError(httpStatus: reply.status, retcode: answer.retcode, detail: answer.summary)
        }
        return answer
    }
}
