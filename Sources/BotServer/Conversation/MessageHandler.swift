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
    /// The set-up in force as the batch began: a batch is parsed and applied with one set-up.
    private(set) var config: AppConfig
    private(set) var parser: IntentParser
    private(set) var useCases: UseCases
    let store: BoardStore
    /// Per OneBot 12 channel: turns `onebot12-file:` references into URLs before parsing.
    var fileResolvers: [String: OneBot12FileResolver] = [:]
    var metrics: ServerMetrics?

    /// What happened to a message, for the log.
    enum Result: Sendable, Equatable {
        case handled(intent: Intent, replies: Int)
        /// Not handled; `replies` notices were queued all the same (an unconfigured group hears why, once).
        case ignored(reason: String, replies: Int = 0)
    }

    init(setup: LiveSetup.Snapshot, store: BoardStore) {
        config = setup.config
        parser = setup.parser
        useCases = setup.useCases
        self.store = store
    }

    /// The same handler with another set-up in force (the board saved a change).
    func with(_ setup: LiveSetup.Snapshot) -> MessageHandler {
        var handler = self
        handler.config = setup.config
        handler.parser = setup.parser
        handler.useCases = setup.useCases
        return handler
    }

    /// Handles one message (a batch of one).
    func handle(_ row: InboxMessage, logger: Logger) async throws -> Result {
        try await handle([row], logger: logger)[0].get()
    }

    /// Handles a batch in arrival order: every message is decoded and parsed first, outside any
    /// transaction, then all of them are written in one short transaction, each inside a savepoint of
    /// its own, so the writer (shared with every webhook ack) is held only for the writes and a
    /// message that fails is marked failed without undoing the others. One outcome per row.
    func handle(_ rows: [InboxMessage], logger: Logger) async throws -> [Swift.Result<Result, any Error>] {
        var prepared: [Prepared] = []
        for row in rows {
            do {
                prepared.append(try await prepare(row, logger: logger))
            } catch {
                prepared.append(Prepared(rowID: row.id ?? 0, failure: error))
            }
        }
        let senders = Set(prepared.compactMap { $0.message?.senderID })
        let members = try await store.read { tx in
            try Dictionary(uniqueKeysWithValues: senders.map { ($0, try tx.member(platformID: $0)) })
        }
        for index in prepared.indices { prepared[index].parse(with: self, existing: members) }
        let batch = prepared
        do {
            return try await store.write { tx in
                batch.map { item in Swift.Result<Result, any Error> { try apply(item, tx: tx) } }
            }
        } catch {
            // The batch's transaction failed as a whole (not one message's work): each goes alone.
            var outcomes: [Swift.Result<Result, any Error>] = []
            for item in batch {
                do {
                    outcomes.append(.success(try await store.write { tx in try apply(item, tx: tx) }))
                } catch {
                    outcomes.append(.failure(error))
                }
            }
            return outcomes
        }
    }

    /// A message read, checked and parsed, waiting for its write.
    struct Prepared: Sendable {
        let rowID: Int64
        /// Why the message could not even be prepared; its write throws it.
        var failure: (any Error)?
        /// Nil when the payload could not be decoded.
        var message: InboundMessage?
        var group: GroupConfig?
        /// The notice for a group nobody configured, rendered ahead of the write.
        var notice: ReplyDraft?
        var role = SenderRole.unknown
        var parsed: ParseResult?

        /// Parses with the role the sender has now; the write parses again only if a message earlier
        /// in the batch changed that role (a registration).
        mutating func parse(with handler: MessageHandler, existing: [String: Member?]) {
            guard let message, let group else { return }
            let member = existing[message.senderID] ?? nil
            role = handler.config.identity(of: message.senderID, existing: member, group: group).role.parserRole
            parsed = handler.parse(message, role: role)
        }
    }

    /// Everything about a message that needs no transaction: decoding, the photo bound, file ids,
    /// the group, and the notice an unconfigured group hears.
    private func prepare(_ row: InboxMessage, logger: Logger) async throws -> Prepared {
        guard let rowID = row.id else { throw StoreError.noSuchInboxMessage(0) }
        var prepared = Prepared(rowID: rowID)
        guard var decoded = try? JSONDecoder().decode(InboundMessage.self, from: Data(row.payload.utf8)) else {
            return prepared
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
        prepared.message = decoded
        prepared.group = config.group(channel: decoded.channel, id: decoded.groupID)
        if prepared.group == nil {
            prepared.notice = ReplyDraft(
                text: try useCases.replies.render(.unconfiguredGroup, EmptyView()), mentions: [])
        } else if readable(decoded.text).utf8.count < decoded.text.utf8.count {
            logger.notice(
                "message.truncated",
                metadata: [
                    "inbox.id": "\(rowID)", "bytes": "\(decoded.text.utf8.count)",
                    "read_characters": "\(config.conversation.parseLimit)",
                ])
        }
        return prepared
    }

    /// The parser's reading of what the parser may read of a message, timed for the metrics.
    func parse(_ message: InboundMessage, role: SenderRole) -> ParseResult {
        let start = ContinuousClock.now
        defer { metrics?.parsed(duration: ContinuousClock.now - start) }
        return parser.parse(
            ParserInput(text: readable(message.text), senderRole: role, attachments: message.attachments))
    }

    /// The message's writes, inside `tx` and a savepoint of their own: the board change, its replies,
    /// the conversation turn and the inbox mark commit together or not at all.
    private func apply(_ prepared: Prepared, tx: BoardTransaction) throws -> Result {
        let rowID = prepared.rowID
        if let failure = prepared.failure { throw failure }
        guard let message = prepared.message, var parsed = prepared.parsed, let group = prepared.group else {
            return try tx.isolated { try ignore(prepared, tx: tx) }
        }
        return try tx.isolated {
            let identity = config.identity(
                of: message.senderID, existing: try tx.member(platformID: message.senderID), group: group)
            let role = identity.role.parserRole
            if role != prepared.role { parsed = parse(message, role: role) }
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

    /// A message that is not handled: undecodable, or from a group nobody configured. Such a group's
    /// first message is answered with a short notice (so the group knows the bot is there but not
    /// set up), later ones only logged.
    private func ignore(_ prepared: Prepared, tx: BoardTransaction) throws -> Result {
        let rowID = prepared.rowID
        guard let message = prepared.message, let notice = prepared.notice else {
            try tx.queue.markInbox(id: rowID, state: .failed, error: "undecodable payload")
            return .ignored(reason: "undecodable payload")
        }
        let reason = Self.unconfiguredGroup
        let first = try !tx.queue.hasFailedInbox(
            channel: message.channel, groupID: message.groupID, error: reason, before: rowID)
        try tx.queue.markInbox(id: rowID, state: .failed, error: reason)
        if first { try enqueue([notice], for: message, inboxID: rowID, tx: tx) }
        return .ignored(reason: "\(reason) \(message.channel)/\(message.groupID)", replies: first ? 1 : 0)
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
