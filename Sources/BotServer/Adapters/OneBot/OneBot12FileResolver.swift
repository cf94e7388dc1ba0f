import Foundation

/// Turns v12 image `file_id`s into URLs with the `get_file` action.
///
/// v12 events carry only file ids, while the inbox and the photo downloader work with URLs; the HTTP
/// layer calls this for `OneBotInbound.imageFileIDs` before storing the message.
struct OneBot12FileResolver: Sendable {
    /// Transport, token and answer checking shared with the senders.
    var client: OneBotHTTPClient

    /// The same action endpoint and token as `OneBot12ReplySender`.
    init(apiURL: URL, accessToken: String?, timeout: TimeInterval) {
        client = OneBotHTTPClient(apiURL: apiURL, accessToken: accessToken, timeout: timeout)
    }

    /// The URL the implementation serves the file at (`get_file` with `type: "url"`, answer `data.url`).
    func url(forFileID fileID: String) async throws(OneBotActionError) -> String {
        let action = OneBot12Action.getFile(fileID: fileID, echo: OneBot12Action.newEcho())
        let body: Data
        do {
            body = try action.jsonBody()
        } catch {
            throw OneBotActionError(httpStatus: nil, retcode: nil, detail: "cannot encode get_file: \(error)")
        }
        let answer = try await client.post(to: client.url(path: nil), body: body) { answer in
            answer.status == "ok" && answer.retcode == 0
        }
        guard let url = answer.data?["url"]?.string, !url.isEmpty else {
            throw OneBotActionError(
                httpStatus: 200, retcode: answer.retcode, detail: "get_file answered without data.url")
        }
        return url
    }

    /// The message with every image file id resolved, in order; the first failure throws so the caller
    /// can decide between refusing the event and storing it without those photos.
    func resolveImages(of inbound: OneBotInbound) async throws(OneBotActionError) -> InboundMessage {
        var urls: [String] = []
        for fileID in inbound.imageFileIDs {
            urls.append(try await url(forFileID: fileID))
        }
        return inbound.withResolvedImages(urls)
    }
}
