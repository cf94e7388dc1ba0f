import Foundation

/// Delivers replies through a OneBot 11 implementation's HTTP API (`send_group_msg` / `send_private_msg`).
///
/// The outbox calls this after the webhook was answered, so replies survive restarts and retries instead
/// of riding on the quick-operation response.
struct OneBot11ReplySender: ReplySender {
    /// Transport, token and answer checking shared with the v12 types.
    var client: OneBotHTTPClient

    /// `apiURL` is the implementation's HTTP API root (go-cqhttp `http://127.0.0.1:5700`); the action name
    /// is appended as a path component.
    init(apiURL: URL, accessToken: String?, timeout: TimeInterval) {
        client = OneBotHTTPClient(apiURL: apiURL, accessToken: accessToken, timeout: timeout)
    }

    /// Delivered means 2xx with `status` `ok` (retcode 0) or `async` (v11's retcode 1: queued by the
    /// implementation); anything else throws `ReplySendError` so the outbox tries again later.
    func send(_ reply: OutboundReply) async throws {
        let request: OneBot11SendMessage
        do {
            request = try OneBot11SendMessage(reply: reply)
        } catch {
            throw ReplySendError(status: nil, detail: error.description)
        }
        do {
            _ = try await client.post(to: client.url(path: request.action), body: try request.jsonBody()) { answer in
                (answer.status == "ok" && answer.retcode == 0) || answer.status == "async"
            }
        } catch let error as OneBotActionError {
            throw error.replySendError
        }
    }
}
