import Foundation
import GRDB

// Replies that travel back in a webhook's own HTTP answer (WeChat and WeCom 1:1 chats).
extension BoardQueue {
    /// The stored inbox row of a platform message, for answering a platform's retry the same way.
    public func inboxMessage(channel: String, platformMessageID: String) throws -> InboxMessage? {
        try InboxMessage
            .filter(InboxMessage.CodingKeys.channel == channel)
            .filter(InboxMessage.CodingKeys.platformMessageID == platformMessageID)
            .fetchOne(db)
    }

    /// Every reply a message produced, in order.
    public func outbox(inboxID: Int64) throws -> [OutboxMessage] {
        try OutboxMessage.filter(OutboxMessage.CodingKeys.inboxID == inboxID).order(OutboxMessage.CodingKeys.id)
            .fetchAll(db)
    }

    /// Takes a message's pending replies for a passive answer: they are marked sent, so the outbox
    /// worker never sends them a second time. Replies already sent are returned too (a retry is
    /// answered with the same text); failed ones are not.
    public func claimPassiveReplies(inboxID: Int64) throws -> [OutboxMessage] {
        let rows = try outbox(inboxID: inboxID).filter { $0.status != .failed }
        for row in rows where row.status == .pending {
            guard let id = row.id else { continue }
            try markSent(outboxID: id)
        }
        return rows
    }
}
