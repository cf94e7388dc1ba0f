import Foundation
import IntentParser
import TaskBoard

/// One message's turn inside the board transaction: maps the parsed intent to a use case and
/// renders what the group hears back. A refusal is a reply too, never an error.
struct Conversation {
    let useCases: UseCases
    let tx: BoardTransaction
    let message: InboundMessage
    let member: Member

    var replies: Replies { useCases.replies }
    var commands: Commands { useCases.commands(in: tx, by: member) }
    private var memberID: Int64 { member.id ?? 0 }

    /// The replies, and the item the message created or acted on (for joining later photos to it).
    struct Response {
        var drafts: [ReplyDraft]
        var itemID: Int64?
        var created: Bool
    }

    func respond(to parsed: ParseResult) throws -> Response {
        do {
            if parsed.directive == .publishWishes {
                return Response(drafts: try publishWishes(), itemID: nil, created: false)
            }
            if let filing = filing(parsed) {
                let happened = try commands.file(filing)
                return Response(drafts: [try reply(happened)], itemID: happened.item?.id, created: true)
            }
            return Response(drafts: try acting(parsed), itemID: parsed.itemRef.map(Int64.init), created: false)
        } catch let refusal as BoardError {
            return Response(drafts: [try replies.refusal(refusal, to: member)], itemID: nil, created: false)
        }
    }

    /// A report, wish or suggestion to file, as the parser read it; nil for any other intent.
    private func filing(_ parsed: ParseResult) -> Filing? {
        let kind: ItemKind
        switch parsed.intent {
        case .report: kind = .issue
        case .wish: kind = .wish
        case .suggestion: kind = .suggestion
        case .claim, .release, .complete, .verify, .escalate, .register, .query, .chitchat: return nil
        }
        var location = parsed.place ?? Location()
        location.lat = location.lat ?? message.location?.lat
        location.lon = location.lon ?? message.location?.lon
        return Filing(
            kind: kind, category: (parsed.category ?? .other).rawValue, location: location, text: message.text,
            photoURLs: message.imageURLs,
            source: ItemSource(channel: message.channel, group: message.groupID, messageID: message.messageID))
    }

    private func acting(_ parsed: ParseResult) throws -> [ReplyDraft] {
        let ref = parsed.itemRef.map(Int64.init)
        switch parsed.intent {
        case .claim:
            guard let ref else { return [try askForItem(.exampleClaim)] }
            return [try reply(commands.claim(ref))]
        case .release:
            guard let ref else { return [try askForItem(.exampleRelease)] }
            return [try reply(commands.release(ref))]
        case .complete:
            guard let ref else { return [try askForItem(.exampleComplete)] }
            return [try reply(commands.submit(ref, note: parsed.note, photoURLs: message.imageURLs))]
        case .verify:
            guard let ref else { return [try askForItem(.exampleVerify)] }
            if parsed.verdict == .reject { return [try reply(commands.returnItem(ref, reason: parsed.note))] }
            return [try reply(commands.verify(ref, note: parsed.note))]
        case .escalate:
            guard let ref else { return [try askForItem(.exampleEscalate)] }
            return [try reply(commands.escalate(ref, to: parsed.escalationTarget))]
        case .register:
            return [try reply(commands.register(name: parsed.registerName ?? message.senderName ?? member.name))]
        case .query:
            return [try ChatQueries(replies: replies, tx: tx, member: member, text: message.text).answer(parsed)]
        case .chitchat, .report, .wish, .suggestion:
            return []
        }
    }

    /// The answer in this chat, with what the reporter's, the claimant's and the members' groups hear.
    private func reply(_ happened: Happened) throws -> ReplyDraft {
        try useCases.notices.spread(
            happened, by: member, answer: try replies.reply(to: happened, by: member, in: .chat),
            in: ChatGroup(channel: message.channel, id: message.groupID), tx: tx)
    }

    private func askForItem(_ example: Word) throws -> ReplyDraft {
        try replies.toSender(member, .needItemRef, ExampleView(example: replies.labels.word(example)))
    }
}
