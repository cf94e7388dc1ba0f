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
            if let directed = try directed(parsed) { return directed }
            if parsed.directive == .publishWishes {
                return Response(drafts: try publishWishes(), itemID: nil, created: false)
            }
            if let filing = filing(parsed) {
                let happened = try commands.fileOrJoin(filing)
                return Response(drafts: [try reply(happened)], itemID: happened.item?.id, created: happened.isFiled)
            }
            return Response(drafts: try acting(parsed), itemID: parsed.itemRef.map(Int64.init), created: false)
        } catch let refusal as BoardError {
            return Response(drafts: [try replies.refusal(refusal, to: member)], itemID: nil, created: false)
        } catch let unknown as UnknownDepartment {
            let item = parsed.itemRef.map(Int64.init)
            return Response(
                drafts: [try replies.unknownDepartment(unknown, item: item, to: member)], itemID: nil, created: false)
        }
    }

    /// A report, wish or suggestion to file, as the parser read it; nil for any other intent.
    func filing(_ parsed: ParseResult) -> Filing? {
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
        if let drafts = try pointsCommand(parsed) { return drafts }
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
            if parsed.directive == .closeOut { return [try reply(commands.resolve(ref, note: parsed.note))] }
            if parsed.verdict == .reject { return [try reply(commands.returnItem(ref, reason: parsed.note))] }
            return [try reply(commands.verify(ref, note: parsed.note))]
        case .escalate:
            guard let ref else { return [try askForItem(.exampleEscalate)] }
            return [try reply(escalation(ref, parsed))]
        case .register:
            return [try reply(commands.register(name: parsed.registerName ?? message.senderName ?? member.name))]
        case .query:
            let group = replies.config.group(channel: message.channel, id: message.groupID)?.role
            return [
                try ChatQueries(
                    replies: replies, tx: tx, member: member, text: message.text, router: useCases.router, group: group
                ).answer(parsed)
            ]
        case .chitchat, .report, .wish, .suggestion:
            return []
        }
    }

    /// 吹哨, or what follows it: a department's answer, a chase. A department the lexicon does not know
    /// but the configuration names is still found in the words.
    private func escalation(_ ref: Int64, _ parsed: ParseResult) throws -> Happened {
        switch parsed.directive {
        case .chase: return try commands.chase(ref)
        case .departmentAnswer:
            return try commands.answerDepartment(ref, from: parsed.escalationTarget, answer: parsed.note)
        default:
            let named =
                parsed.escalationTarget ?? useCases.replies.config.escalation.department(named: message.text)?.name
            return try commands.escalate(ref, to: named)
        }
    }

    /// The answer in this chat, with what the reporter's, the claimant's and the members' groups hear.
    func reply(_ happened: Happened) throws -> ReplyDraft {
        try useCases.notices.spread(
            happened, by: member, answer: try replies.reply(to: happened, by: member, in: .chat),
            in: ChatGroup(channel: message.channel, id: message.groupID), tx: tx)
    }

    func askForItem(_ example: Word) throws -> ReplyDraft {
        try replies.toSender(member, .needItemRef, ExampleView(example: replies.labels.word(example)))
    }
}
