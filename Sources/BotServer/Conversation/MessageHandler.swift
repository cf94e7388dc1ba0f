import Foundation
import IntentParser
import Logging
import TaskBoard

/// Turns one stored inbox message into board commands and queued replies.
///
/// The board change, its replies, the conversation window's update and the inbox row's
/// `processed` mark are one transaction, so a crash either leaves the message pending (and it is
/// handled again) or fully handled, never half.
struct MessageHandler: Sendable {
    let config: AppConfig
    let parser: IntentParser
    let useCases: UseCases
    let store: BoardStore
    /// Per OneBot 12 channel: turns `onebot12-file:` references into URLs before parsing.
    var fileResolvers: [String: OneBot12FileResolver] = [:]

    /// What happened to a message, for the log.
    enum Result: Sendable, Equatable {
        case handled(intent: Intent, replies: Int)
        /// Not handled; `replies` notices were queued all the same (an unconfigured group hears why, once).
        case ignored(reason: String, replies: Int = 0)
    }

    func handle(_ row: InboxMessage, logger: Logger) async throws -> Result {
        guard let rowID = row.id else { return .ignored(reason: "inbox row without id") }
        var decoded: InboundMessage
        do {
            decoded = try JSONDecoder().decode(InboundMessage.self, from: Data(row.payload.utf8))
        } catch {
            try await store.markInbox(id: rowID, state: .failed, error: "undecodable payload")
            return .ignored(reason: "undecodable payload")
        }
        if decoded.imageURLs.count > config.photos.maxPerMessage {
            logger.notice(
                "message.images_dropped",
                metadata: [
                    "inbox.id": "\(rowID)", "images": "\(decoded.imageURLs.count)",
                    "kept": "\(config.photos.maxPerMessage)",
                ])
            decoded.imageURLs = Array(decoded.imageURLs.prefix(config.photos.maxPerMessage))
        }
        decoded.imageURLs = await resolveFiles(decoded, logger: logger)
        let message = decoded
        guard let group = config.group(channel: message.channel, id: message.groupID) else {
            return try await unconfigured(message, rowID: rowID)
        }
        let existing = try await store.read { tx in try tx.member(platformID: message.senderID) }
        let identity = config.identity(of: message.senderID, existing: existing, group: group)
        let role = identity.role.parserRole
        let text = readable(message.text)
        if text.utf8.count < message.text.utf8.count {
            logger.notice(
                "message.truncated",
                metadata: [
                    "inbox.id": "\(rowID)", "bytes": "\(message.text.utf8.count)",
                    "read_characters": "\(config.conversation.parseLimit)",
                ])
        }
        let parsed = FixedPhrases.reading(
            text, parsed: parser.parse(ParserInput(text: text, senderRole: role, attachments: message.attachments)))

        return try await store.write { tx in
            let member = try tx.upsertMember(
                platformID: message.senderID, name: message.senderName, role: identity.role, grid: identity.grid)
            let window = ConversationWindow(
                handler: self, tx: tx, inboxID: rowID, message: message, member: member, role: role)
            let drafts = try window.handle(parsed)
            try enqueue(drafts, for: message, inboxID: rowID, tx: tx)
            try tx.queue.markInbox(id: rowID, state: .processed, error: nil)
            return .handled(intent: parsed.intent, replies: drafts.count)
        }
    }

    /// A group nobody configured: its first message is answered with a short notice (so the group knows
    /// the bot is there but not set up), later ones only logged; none is processed.
    private func unconfigured(_ message: InboundMessage, rowID: Int64) async throws -> Result {
        let notice = ReplyDraft(text: try useCases.replies.render(.unconfiguredGroup, EmptyView()), mentions: [])
        let reason = Self.unconfiguredGroup
        let answered = try await store.write { tx in
            let first = try !tx.queue.hasFailedInbox(
                channel: message.channel, groupID: message.groupID, error: reason, before: rowID)
            try tx.queue.markInbox(id: rowID, state: .failed, error: reason)
            if first { try enqueue([notice], for: message, inboxID: rowID, tx: tx) }
            return first
        }
        return .ignored(reason: "\(reason) \(message.channel)/\(message.groupID)", replies: answered ? 1 : 0)
    }

    /// The part of a text the parser reads: the first `conversation.parse_limit` characters. Walks
    /// only those, never the whole text, so a huge message costs no more than a long one.
    func readable(_ text: String) -> String {
        String(text.prefix(config.conversation.parseLimit))
    }

    /// The inbox error of a message from a group nobody configured.
    static let unconfiguredGroup = "unconfigured group"

    /// A file id the bridge cannot resolve stays a reference: the photo is kept, just not viewable yet.
    private func resolveFiles(_ message: InboundMessage, logger: Logger) async -> [String] {
        guard let resolver = fileResolvers[message.channel] else { return message.imageURLs }
        var urls: [String] = []
        for url in message.imageURLs {
            guard url.hasPrefix(OneBotFileReference.prefix) else {
                urls.append(url)
                continue
            }
            do {
                urls.append(try await resolver.url(forFileID: String(url.dropFirst(OneBotFileReference.prefix.count))))
            } catch {
                logger.warning("onebot.get_file failed", metadata: ["error": "\(error)"])
                urls.append(url)
            }
        }
        return urls
    }

    /// Settles photo-only messages whose window has passed; returns how many replies were queued.
    func settleParked() async throws -> Int {
        try await store.write { tx in
            var replies = 0
            let cutoff = tx.now.addingTimeInterval(-config.conversation.windowSeconds)
            for turn in try tx.parkedTurns(before: cutoff) {
                // Members are never deleted and the turn's member was written with it: always found.
                guard let member = try tx.member(platformID: turn.senderID) else {
                    if let id = turn.id { try tx.settleTurn(id: id, itemID: nil) }
                    continue
                }
                // The turn holds all a photo-only message said; its inbox row only adds the id to quote.
                let message = InboundMessage(
                    channel: turn.channel, messageID: try tx.queue.inbox(id: turn.inboxID)?.platformMessageID ?? "",
                    groupID: turn.groupID, senderID: turn.senderID, senderName: nil, text: turn.text,
                    imageURLs: turn.images,
                    location: turn.lat.flatMap { lat in
                        turn.lon.map { SharedLocation(lat: lat, lon: $0, label: turn.locationLabel) }
                    },
                    timestamp: turn.at.timeIntervalSince1970)
                let window = ConversationWindow(
                    handler: self, tx: tx, inboxID: turn.inboxID, message: message, member: member,
                    role: SenderRole(rawValue: turn.role) ?? .unknown)
                let drafts = try window.settle(turn)
                try enqueue(drafts, for: message, inboxID: turn.inboxID, tx: tx)
                replies += drafts.count
            }
            return replies
        }
    }

    private func enqueue(_ drafts: [ReplyDraft], for message: InboundMessage, inboxID: Int64, tx: BoardTransaction)
        throws
    {
        try useCases.queue.answer(drafts, to: message, inboxID: inboxID, tx: tx)
    }
}
