import Foundation

extension WeChatMessage {
    /// The platform-neutral message the inbox stores, or nil when the bot has nothing to act on.
    ///
    /// Official Account and WeCom app chats are 1:1, so the chat is the user: `groupID` and
    /// `senderID` are both `FromUserName`, and the channel's configured group role decides how
    /// the board treats them.
    ///
    /// Mapped: `text` (Content), `voice` with a transcript (Recognition as text), `image`
    /// (PicUrl), `location` (Location_X/Y as lat/lon, Label).
    /// Nil: every event, including `subscribe` (see `isSubscribe`; the caller welcomes the user),
    /// `unsubscribe`, menu clicks, WeCom `enter_agent`; voice without a transcript; `video`,
    /// `shortvideo`, `link` and unknown types, which carry nothing the parser reads; and messages
    /// whose text or URL is empty.
    func inbound(channel: String) -> InboundMessage? {
        var text = ""
        var images: [String] = []
        var shared: SharedLocation?
        switch type {
        case .text:
            guard let content, !content.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
            text = content
        case .voice:
            guard let recognition, !recognition.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            else { return nil }
            text = recognition
        case .image:
            guard let picURL, !picURL.isEmpty else { return nil }
            images = [picURL]
        case .location:
            guard let location else { return nil }
            shared = SharedLocation(lat: location.latitude, lon: location.longitude, label: location.label)
        case .video, .shortVideo, .link, .event, .other:
            return nil
        }
        return InboundMessage(
            channel: channel, messageID: deduplicationKey, groupID: fromUser, senderID: fromUser, senderName: nil,
            text: text, imageURLs: images, location: shared, timestamp: Double(createTime))
    }
}
