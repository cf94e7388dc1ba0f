import Foundation

/// Mapping a v11 report to what the inbox stores.
extension OneBot11Event {
    /// The id the inbox de-duplicates on: `"<self_id>-<message_id>-<time>"`.
    ///
    /// `message_id` alone is not enough: it is an int32 that implementations allocate per bot, restart
    /// from scratch (or hash into a small space) after a restart, and may reuse, so a new message could be
    /// dropped as a duplicate of an old one. The bot id separates bots sharing a channel, and the send time
    /// separates reuses; a re-delivery of the same report keeps all three, so de-duplication still works.
    /// go-cqhttp's ids can be negative, which only doubles a dash; the id is compared, never parsed.
    var platformMessageID: String? {
        messageID.map { "\(selfID)-\($0)-\(time)" }
    }

    /// The chat id replies are addressed to: the group id, or `private:<user_id>` for one-to-one chats,
    /// which `OneBotChatID` turns back into `send_private_msg`.
    var chatID: String? {
        switch messageType {
        case "group": groupID.map { String($0) }
        case "private": userID.map { OneBotChatID.privateUser(String($0)).chatID }
        default: nil
        }
    }

    /// The message, or why there is none to store; the HTTP layer answers 204 for `.ignored`.
    func outcome(channel: String) -> OneBotEventOutcome {
        guard Self.messagePostTypes.contains(postType) else {
            let detail = metaEventType ?? noticeType ?? requestType
            return .ignored(.notAMessage(type: postType, detail: detail))
        }
        guard let messageID = platformMessageID, let userID, let chatID else {
            return .ignored(.unsupportedChat(messageType ?? "none"))
        }
        // Replying to ourselves could loop forever through the bridge.
        guard postType != "message_sent", userID != selfID else { return .ignored(.ownMessage) }

        var content = OneBotSegmentContent()
        for segment in message {
            switch segment.type {
            case "text":
                content.text += segment.data["text"] ?? ""
            case "image":
                if let url = segment.data["url"].oneBotNonEmpty {
                    content.imageURLs.append(url)
                } else if let file = segment.data["file"].oneBotNonEmpty {
                    // Some implementations put the URL in `file` when they have no separate `url`.
                    if file.hasPrefix("http://") || file.hasPrefix("https://") {
                        content.imageURLs.append(file)
                    } else {
                        content.imageFileIDs.append(file)
                    }
                }
            case "at":
                guard let qq = segment.data["qq"].oneBotNonEmpty else { continue }
                if qq == "all" { content.everyone = true } else { content.mentioned.append(qq) }
            case "location":
                // v11 writes coordinates as strings; an unreadable one drops the location, not the message.
                content.location =
                    OneBotInbound.location(
                        lat: segment.data["lat"].flatMap { Double($0) },
                        lon: segment.data["lon"].flatMap { Double($0) },
                        label: segment.data["title"].oneBotNonEmpty ?? segment.data["content"].oneBotNonEmpty)
                    ?? content.location
            case "reply":
                content.replyTo = segment.data["id"].oneBotNonEmpty
            default:
                // face, record, video, share, …: nothing the board reads.
                continue
            }
        }

        var senderID = String(userID)
        var senderName = sender?.card.oneBotNonEmpty ?? sender?.nickname.oneBotNonEmpty
        if subType == "anonymous", let anonymous {
            // Every anonymous member shares one placeholder user_id; the anonymous id tells them apart.
            senderID = "anonymous:\(anonymous.id.map { String($0) } ?? anonymous.name ?? "unknown")"
            senderName = anonymous.name.oneBotNonEmpty ?? senderName
        }
        return content.outcome(
            channel: channel, messageID: messageID, chatID: chatID, senderID: senderID, senderName: senderName,
            timestamp: Double(time), selfID: String(selfID))
    }

    /// The neutral message, or nil when the event is ignored (see `outcome(channel:)` for why).
    func inbound(channel: String) -> InboundMessage? {
        outcome(channel: channel).inbound?.message
    }
}
