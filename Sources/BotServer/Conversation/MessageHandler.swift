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
    let community: Community
    let renderer: ReplyRenderer
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
        decoded.imageURLs = await resolveFiles(decoded, logger: logger)
        let message = decoded
        guard let group = config.group(channel: message.channel, id: message.groupID) else {
            return try await unconfigured(message, rowID: rowID)
        }
        let existing = try await store.read { tx in try tx.member(platformID: message.senderID) }
        let identity = config.identity(of: message.senderID, existing: existing, group: group)
        let role = identity.role.parserRole
        let parsed = parser.parse(ParserInput(text: message.text, senderRole: role, attachments: message.attachments))

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
        let notice = ReplyDraft(text: try renderer.render(.unconfiguredGroup, EmptyView()), mentions: [])
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
                guard let inbox = try tx.queue.inbox(id: turn.inboxID),
                    let message = try? JSONDecoder().decode(InboundMessage.self, from: Data(inbox.payload.utf8)),
                    let member = try tx.member(platformID: turn.senderID)
                else {
                    if let id = turn.id { try tx.settleTurn(id: id, itemID: nil) }
                    continue
                }
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

    /// Queues replies for the chat the message came from, through the group's `reply_via` channel when
    /// set. A WeChat/WeCom 1:1 reply is held for the waiting webhook to answer passively; the outbox
    /// only sees it if the webhook gave up.
    private func enqueue(_ drafts: [ReplyDraft], for message: InboundMessage, inboxID: Int64, tx: BoardTransaction)
        throws
    {
        let group = config.group(channel: message.channel, id: message.groupID)
        let passive = group?.replyVia == nil && (config.channel(message.channel)?.kind.answersPassively ?? false)
        let hold = passive ? Double(config.passiveReplyBudgetMilliseconds) / 1000 + 1 : 0
        try enqueue(
            drafts, channel: message.channel, groupID: message.groupID, inboxID: inboxID, inReplyTo: message.messageID,
            notBefore: tx.now.addingTimeInterval(hold), tx: tx)
    }

    /// Queues words the board said (a button, a review decision) for a group, through its
    /// `reply_via` channel when set; nothing waits to answer passively, so they go out at once.
    func announce(
        _ drafts: [ReplyDraft], channel: String, groupID: String, inboxID: Int64?, inReplyTo: String?,
        tx: BoardTransaction
    ) throws {
        try enqueue(
            drafts, channel: channel, groupID: groupID, inboxID: inboxID, inReplyTo: inReplyTo, notBefore: tx.now,
            tx: tx)
    }

    private func enqueue(
        _ drafts: [ReplyDraft], channel: String, groupID: String, inboxID: Int64?, inReplyTo: String?,
        notBefore: Date, tx: BoardTransaction
    ) throws {
        let via = config.group(channel: channel, id: groupID)?.replyVia ?? channel
        for draft in drafts {
            let reply = OutboundReply(
                channel: via, groupID: groupID, text: draft.text, mentions: draft.mentions, inReplyTo: inReplyTo)
            let payload = String(decoding: try JSONEncoder().encode(reply), as: UTF8.self)
            _ = try tx.queue.enqueueReply(
                channel: reply.channel, target: reply.groupID, payload: payload, inboxID: inboxID, notBefore: notBefore)
        }
    }
}

/// A reply before it is addressed: text plus who to @.
struct ReplyDraft: Sendable, Equatable {
    var text: String
    var mentions: [String]
}
