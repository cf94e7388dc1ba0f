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

    /// What happened to a message, for the log.
    enum Result: Sendable, Equatable {
        case handled(intent: Intent, replies: Int)
        case ignored(reason: String)
    }

    func handle(_ row: InboxMessage, logger: Logger) async throws -> Result {
        guard let rowID = row.id else { return .ignored(reason: "inbox row without id") }
        let message: InboundMessage
        do {
            message = try JSONDecoder().decode(InboundMessage.self, from: Data(row.payload.utf8))
        } catch {
            try await store.write { tx in try tx.markInbox(id: rowID, state: .failed, error: "undecodable payload") }
            return .ignored(reason: "undecodable payload")
        }
        guard let group = config.group(channel: message.channel, id: message.groupID) else {
            try await store.write { tx in try tx.markInbox(id: rowID, state: .failed, error: "unconfigured group") }
            return .ignored(reason: "unconfigured group \(message.groupID)")
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
            try tx.markInbox(id: rowID, state: .processed, error: nil)
            return .handled(intent: parsed.intent, replies: drafts.count)
        }
    }

    /// Settles photo-only messages whose window has passed; returns how many replies were queued.
    func settleParked() async throws -> Int {
        try await store.write { tx in
            var replies = 0
            let cutoff = tx.now.addingTimeInterval(-config.conversation.windowSeconds)
            for turn in try tx.parkedTurns(before: cutoff) {
                guard let inbox = try tx.inbox(id: turn.inboxID),
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

    private func enqueue(_ drafts: [ReplyDraft], for message: InboundMessage, inboxID: Int64, tx: BoardTransaction)
        throws
    {
        for draft in drafts {
            let reply = OutboundReply(
                channel: message.channel, groupID: message.groupID, text: draft.text, mentions: draft.mentions,
                inReplyTo: message.messageID)
            let payload = String(decoding: try JSONEncoder().encode(reply), as: UTF8.self)
            _ = try tx.enqueueReply(channel: reply.channel, target: reply.groupID, payload: payload, inboxID: inboxID)
        }
    }
}

/// A reply before it is addressed: text plus who to @.
struct ReplyDraft: Sendable, Equatable {
    var text: String
    var mentions: [String]
}
