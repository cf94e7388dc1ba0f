import Foundation

/// Delivers replies through a OneBot 12 implementation's HTTP action endpoint with `send_message`.
struct OneBot12ReplySender: ReplySender {
    /// Transport, token and answer checking shared with the v11 sender.
    var client: OneBotHTTPClient

    /// `apiURL` is the implementation's action endpoint (v12 accepts every action at `POST /`).
    init(apiURL: URL, accessToken: String?, timeout: TimeInterval) {
        client = OneBotHTTPClient(apiURL: apiURL, accessToken: accessToken, timeout: timeout)
    }

    /// Delivered means 2xx with `{"status":"ok","retcode":0}`; anything else throws `ReplySendError`.
    func send(_ reply: OutboundReply) async throws {
        let action = OneBot12Action.sendMessage(
            chatID: reply.groupID, text: reply.text, mentions: reply.mentions, echo: OneBot12Action.newEcho())
        do {
            _ = try await client.post(to: client.url(path: nil), body: try action.jsonBody()) { answer in
                answer.status == "ok" && answer.retcode == 0
            }
        } catch let error as OneBotActionError {
            throw error.replySendError
        }
    }
}
