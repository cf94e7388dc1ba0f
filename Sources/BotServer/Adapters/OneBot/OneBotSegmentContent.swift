import Foundation

/// What the segments of one message event add up to, collected by either version's segment loop and
/// turned into the stored message the same way.
struct OneBotSegmentContent {
    var text = ""
    /// Images that came with a URL.
    var imageURLs: [String] = []
    /// Images named only by a file id, resolved after the webhook is answered.
    var imageFileIDs: [String] = []
    var location: SharedLocation?
    var mentioned: [String] = []
    var everyone = false
    var replyTo: String?

    /// The message these segments make, or `.noContent` when they carry nothing the board reads.
    /// `selfID` is the bot's own id, to tell whether it was @-mentioned.
    func outcome(
        channel: String, messageID: String, chatID: String, senderID: String, senderName: String?,
        timestamp: Double?, selfID: String?
    ) -> OneBotEventOutcome {
        // Trimming also removes the space a client puts after a leading @bot.
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty || !imageURLs.isEmpty || !imageFileIDs.isEmpty || location != nil else {
            return .ignored(.noContent)
        }
        return .message(
            OneBotInbound(
                message: InboundMessage(
                    channel: channel, messageID: messageID, groupID: chatID, senderID: senderID,
                    senderName: senderName, text: text, imageURLs: imageURLs, location: location,
                    timestamp: timestamp),
                imageFileIDs: imageFileIDs, mentionedIDs: mentioned, mentionsEveryone: everyone,
                mentionsSelf: selfID.map { mentioned.contains($0) } ?? false, replyToMessageID: replyTo))
    }
}
