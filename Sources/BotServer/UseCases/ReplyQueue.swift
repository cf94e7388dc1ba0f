import Foundation
import TaskBoard

/// Puts replies in the outbox, inside the caller's transaction, addressed to the right group and
/// channel: where a message came from, where an item came from, or a group the board chose.
struct ReplyQueue: Sendable {
    let config: AppConfig

    /// Answers a message in its chat, through the group's `reply_via` channel when set. A WeChat/WeCom
    /// 1:1 reply is held for the waiting webhook to answer passively; the outbox only sends it if the
    /// webhook gave up.
    func answer(_ drafts: [ReplyDraft], to message: InboundMessage, inboxID: Int64, tx: BoardTransaction) throws {
        let group = config.group(channel: message.channel, id: message.groupID)
        let passive = group?.replyVia == nil && (config.channel(message.channel)?.kind.answersPassively ?? false)
        let hold = passive ? Double(config.passiveReplyBudgetMilliseconds) / 1000 + 1 : 0
        try enqueue(
            drafts, channel: message.channel, groupID: message.groupID, inboxID: inboxID, inReplyTo: message.messageID,
            notBefore: tx.now.addingTimeInterval(hold), tx: tx)
    }

    /// Words the board said (a button, a review decision) for a configured group; nothing waits to
    /// answer passively, so they go out at once.
    func announce(
        _ drafts: [ReplyDraft], channel: String, groupID: String, inboxID: Int64? = nil, inReplyTo: String? = nil,
        tx: BoardTransaction
    ) throws {
        try enqueue(
            drafts, channel: channel, groupID: groupID, inboxID: inboxID, inReplyTo: inReplyTo, notBefore: tx.now,
            tx: tx)
    }

    /// Words for people wherever they last spoke (a reminder, a notice): one message per group, naming
    /// everyone it concerns. When none of them has spoken in a configured group yet, `orMembers` sends it
    /// to the members' groups (the secretary's digest); otherwise nothing is sent. Returns the groups reached.
    @discardableResult
    func notify(_ draft: ReplyDraft, orMembers: Bool = false, tx: BoardTransaction) throws -> Int {
        var groups: [(channel: String, groupID: String)] = []
        for person in draft.mentions {
            guard let last = try lastGroup(of: person, tx: tx),
                config.group(channel: last.channel, id: last.groupID) != nil,
                !groups.contains(where: { $0 == last })
            else { continue }
            groups.append(last)
        }
        if groups.isEmpty && orMembers { return try toMembers(draft, about: nil, tx: tx) }
        for group in groups { try announce([draft], channel: group.channel, groupID: group.groupID, tx: tx) }
        return groups.count
    }

    /// Where a person last spoke; a configured person the simulator plays (`sim:sec-1`) counts as
    /// themselves, so the calendar reaches the secretary of the demo where they speak.
    private func lastGroup(of person: String, tx: BoardTransaction) throws -> (channel: String, groupID: String)? {
        if let last = try tx.lastGroup(ofSender: person) { return last }
        guard config.sim.enabled, !person.hasPrefix(SimChannel.memberPrefix) else { return nil }
        return try tx.lastGroup(ofSender: SimChannel.memberID(person))
    }

    /// Words for every members' group (在职党员群) that hears of `item`: work anyone there may take.
    @discardableResult
    func toMembers(_ draft: ReplyDraft, about item: Item?, tx: BoardTransaction) throws -> Int {
        let groups = config.membersGroups(for: item)
        for group in groups { try announce([draft], channel: group.channel, groupID: group.id, tx: tx) }
        return groups.count
    }

    private func enqueue(
        _ drafts: [ReplyDraft], channel: String, groupID: String, inboxID: Int64?, inReplyTo: String?,
        notBefore: Date, tx: BoardTransaction
    ) throws {
        let via = config.group(channel: channel, id: groupID)?.replyVia ?? channel
        for draft in drafts {
            let reply = OutboundReply(
                channel: via, groupID: groupID, text: draft.text, mentions: draft.mentions, inReplyTo: inReplyTo,
                imageURL: draft.imageURL)
            let payload = String(decoding: try JSONEncoder().encode(reply), as: UTF8.self)
            _ = try tx.queue.enqueueReply(
                channel: reply.channel, target: reply.groupID, payload: payload, inboxID: inboxID, notBefore: notBefore)
            // Other groups' words about the same event follow it, never held for a passive answer
            // (whose webhook claims its message's replies by inbox id).
            try send(draft.notices, tx: tx)
        }
    }
}

/// A reply before it is addressed: text plus who to @.
struct ReplyDraft: Sendable, Equatable {
    var text: String
    var mentions: [String]
    /// What other groups hear of the same event (`Notices`), queued right after this reply.
    var notices: [Notice] = []
    /// A photo to show with the words, where the platform can send images (晒单's after photo).
    var imageURL: String? = nil
}
