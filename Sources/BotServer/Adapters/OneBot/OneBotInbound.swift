/// A OneBot message event mapped for fengchao: the neutral `InboundMessage` plus what only OneBot has.
///
/// `InboundMessage` is what the inbox stores, so it stays platform-neutral; the extras here let the
/// HTTP layer resolve v12 images and let the conversation layer see mentions and quotes if it wants to.
struct OneBotInbound: Sendable, Equatable {
    /// The message as every adapter produces it; `imageURLs` holds only ready URLs.
    var message: InboundMessage
    /// Image references that are not URLs yet: v12 `file_id`s (resolve with `OneBot12FileResolver`) and
    /// v11 images that came with a `file` name but no `url`.
    var imageFileIDs: [String]
    /// Ids of everyone @-mentioned, the bot included, in message order.
    var mentionedIDs: [String]
    /// `@all` (v11 `qq=all`, v12 `mention_all`).
    var mentionsEveryone: Bool
    /// Whether the bot itself was @-mentioned; group bots often only act when addressed.
    var mentionsSelf: Bool
    /// The platform id of a quoted message, as the platform wrote it (v11 `reply.id`, v12 `reply.message_id`).
    /// For v11 this is the bare int32 id, not the composite `InboundMessage.messageID`.
    var replyToMessageID: String?

    /// Puts resolved URLs for `imageFileIDs` after the URLs the event already carried.
    func withResolvedImages(_ urls: [String]) -> InboundMessage {
        var resolved = message
        resolved.imageURLs += urls
        return resolved
    }

    /// A location from a segment's coordinates, or nil when they are not a place on Earth: `Double("nan")`
    /// parses, and a bridge sending 0/0 or swapped fields should not put a report in the sea.
    static func location(lat: Double?, lon: Double?, label: String?) -> SharedLocation? {
        guard let lat, let lon, lat.isFinite, lon.isFinite, abs(lat) <= 90, abs(lon) <= 180, lat != 0 || lon != 0
        else { return nil }
        return SharedLocation(lat: lat, lon: lon, label: label)
    }
}
