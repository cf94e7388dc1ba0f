import Foundation

/// Mapping a v12 event to what the inbox stores.
extension OneBot12Event {
    /// The chat id replies are addressed to: `group_id`, or `private:<user_id>` for one-to-one chats.
    var chatID: String? {
        switch detailType {
        case "group": groupID
        case "private": userID.map { OneBotChatID.privateUser($0).chatID }
        default: nil
        }
    }

    /// The message, or why there is none to store; the HTTP layer answers 204 for `.ignored`.
    ///
    /// Images come back as `imageFileIDs`: v12 events carry only file ids, which `OneBot12FileResolver`
    /// turns into URLs. `messageID` is `message_id` (unique per platform, unlike v11's int32), falling
    /// back to the event `id` if a bridge sends it empty.
    func outcome(channel: String) -> OneBotEventOutcome {
        guard type == "message" else {
            return .ignored(.notAMessage(type: type, detail: detailType))
        }
        guard let userID, let chatID else { return .ignored(.unsupportedChat(detailType)) }
        // Bridges report what the bot itself sent; answering that could loop.
        if let bot, bot.userID == userID { return .ignored(.ownMessage) }

        var content = OneBotSegmentContent()
        for segment in message {
            switch segment.type {
            case "text":
                content.text += segment.data["text"]?.string ?? ""
            case "image":
                if let fileID = segment.string("file_id") { content.imageFileIDs.append(fileID) }
            case "mention":
                if let user = segment.string("user_id") { content.mentioned.append(user) }
            case "mention_all":
                content.everyone = true
            case "location":
                content.location =
                    OneBotInbound.location(
                        lat: segment.data["latitude"]?.double, lon: segment.data["longitude"]?.double,
                        label: segment.string("title") ?? segment.string("content")) ?? content.location
            case "reply":
                content.replyTo = segment.string("message_id")
            default:
                // voice, audio, video, file and extension segments: nothing the board reads.
                continue
            }
        }
        return content.outcome(
            channel: channel, messageID: messageID.oneBotNonEmpty ?? id, chatID: chatID, senderID: userID,
            senderName: nickname, timestamp: time, selfID: bot?.userID)
    }
}
