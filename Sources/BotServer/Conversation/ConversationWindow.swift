import Foundation
import IntentParser
import TaskBoard

/// One message seen against its group's recent window: a photo joins the same sender's text
/// nearby in time (the parser's pure thread rules decide which), a photo with no text yet waits,
/// a reply to "请补充小区和楼栋" completes the earlier item, and an unsure message waits for the
/// secretary instead of being guessed at.
struct ConversationWindow {
    let handler: MessageHandler
    let tx: BoardTransaction
    let inboxID: Int64
    let message: InboundMessage
    let member: Member
    let role: SenderRole

    private var window: Double { handler.config.conversation.windowSeconds }
    /// The most of a sender's recent turns a message is seen with: the thread rules parse each, so
    /// this bounds the work of one message even for a sender who floods the window.
    static let turnLimit = 32
    /// What the parser reads of the message (`conversation.parse_limit`); the item keeps it whole.
    private var readable: String { handler.readable(message.text) }
    private var hasText: Bool { !message.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }

    func handle(_ parsed: ParseResult) throws -> [ReplyDraft] {
        if !hasText { return try photoOnly() }
        if let answer = try answerToQuestion(parsed) { return answer }

        // Only a photo still parked can join a text: without one (nearly always) nothing is read
        // back or parsed again, so a busy sender's next message costs what the first did.
        let since = tx.now.addingTimeInterval(-window)
        let recent =
            try tx.hasParkedTurn(
                channel: message.channel, groupID: message.groupID, senderID: member.platformID, since: since)
            ? try tx.turns(
                channel: message.channel, groupID: message.groupID, senderID: member.platformID, since: since,
                limit: Self.turnLimit) : []
        var turn = newTurn(state: .done, intent: parsed.intent)
        let joined = record(containing: recent.count, in: recent + [turn])
            .filter { $0 < recent.count }.map { recent[$0] }
            .filter { $0.state == .parked }

        var effective = message
        var parsed = parsed
        if !joined.isEmpty {
            effective.imageURLs = joined.flatMap(\.images) + message.imageURLs
            if effective.location == nil, let shared = joined.first(where: { $0.lat != nil }), let lat = shared.lat,
                let lon = shared.lon
            {
                effective.location = SharedLocation(lat: lat, lon: lon, label: shared.locationLabel)
            }
            // Parse again with the joined attachments: a shared location can supply the place.
            parsed = handler.parser.parse(
                ParserInput(text: readable, senderRole: role, attachments: effective.attachments))
        }

        let response: Conversation.Response
        let filed: [Intent] = [.report, .wish, .suggestion]
        if parsed.needsReview && (filed.contains(parsed.intent) || parsed.intent == .chitchat) {
            try tx.addReview(
                ReviewEntry(
                    inboxID: inboxID, channel: message.channel, groupID: message.groupID,
                    senderID: member.platformID, text: message.text, imageURLs: effective.imageURLs,
                    parse: String(decoding: try JSONEncoder().encode(parsed), as: UTF8.self), reason: .lowConfidence,
                    createdAt: tx.now))
            // Chat that merely mentions a problem is held quietly; an unsure report is acknowledged.
            let drafts = filed.contains(parsed.intent) ? [try replies.toSender(member, .reviewQueued, EmptyView())] : []
            response = .init(drafts: drafts, itemID: nil, created: false)
        } else {
            response = try conversation(effective).respond(to: parsed)
        }
        if response.created, let itemID = response.itemID, parsed.missing.contains(.place) {
            try tx.askQuestion(
                channel: message.channel, groupID: message.groupID, senderID: member.platformID, itemID: itemID)
        }
        for parked in joined {
            if let id = parked.id { try tx.settleTurn(id: id, itemID: response.itemID) }
        }
        turn.itemID = response.itemID
        try tx.recordTurn(turn)
        return response.drafts
    }

    /// A photo or location share with no text: join a nearby text's item, belong to chat, or wait.
    private func photoOnly() throws -> [ReplyDraft] {
        let recent = try tx.turns(
            channel: message.channel, groupID: message.groupID, senderID: member.platformID,
            since: tx.now.addingTimeInterval(-window), limit: Self.turnLimit)
        var turn = newTurn(state: .parked, intent: nil)
        let indices = record(containing: recent.count, in: recent + [turn])
        if indices.isEmpty {
            // The sender's nearest text is chat (a thank-you with a photo of the fix): nothing to file.
            turn.state = .done
            try tx.recordTurn(turn)
            return []
        }
        if let target = indices.filter({ $0 < recent.count }).map({ recent[$0] })
            .first(where: { !$0.text.isEmpty && $0.itemID != nil }), let itemID = target.itemID
        {
            turn.state = .done
            turn.itemID = itemID
            try tx.recordTurn(turn)
            return try attach(to: itemID, images: message.imageURLs, location: message.location, after: target)
        }
        try tx.recordTurn(turn)
        return []
    }

    /// A parked photo whose window has passed: joined by now, chat, or a report of its own.
    func settle(_ parked: ConversationTurn) throws -> [ReplyDraft] {
        guard let parkedID = parked.id else { return [] }
        let around = try tx.turns(
            channel: parked.channel, groupID: parked.groupID, senderID: parked.senderID,
            since: parked.at.addingTimeInterval(-window)
        )
        .filter { $0.at <= parked.at.addingTimeInterval(window) }
        guard let index = around.firstIndex(where: { $0.id == parkedID }) else { return [] }
        let indices = record(containing: index, in: around)
        let members = indices.map { around[$0] }
        if indices.isEmpty {
            try tx.settleTurn(id: parkedID, itemID: nil)
            return []
        }
        if let target = members.first(where: { !$0.text.isEmpty && $0.itemID != nil }), let itemID = target.itemID {
            try tx.settleTurn(id: parkedID, itemID: itemID)
            return try attach(to: itemID, images: parked.images, location: nil, after: target)
        }
        // A record of photos alone (rule 5 of the thread conventions): a report of category other.
        let photos = members.filter { $0.state == .parked }
        var effective = message
        effective.imageURLs = photos.flatMap(\.images)
        if let shared = photos.first(where: { $0.lat != nil }), let lat = shared.lat, let lon = shared.lon {
            effective.location = SharedLocation(lat: lat, lon: lon, label: shared.locationLabel)
        }
        let parsed = handler.parser.parse(ParserInput(text: "", senderRole: role, attachments: effective.attachments))
        let response = try conversation(effective).respond(
            to: parsed.intent == .report ? parsed : ParseResult(intent: .report, category: .other))
        if response.created, let itemID = response.itemID, parsed.place == nil {
            try tx.askQuestion(
                channel: parked.channel, groupID: parked.groupID, senderID: parked.senderID, itemID: itemID)
        }
        for photo in photos {
            if let id = photo.id { try tx.settleTurn(id: id, itemID: response.itemID) }
        }
        return response.drafts
    }

    /// "龙西小区12栋" after the bot asked where: completes the item once, then the question is closed.
    private func answerToQuestion(_ parsed: ParseResult) throws -> [ReplyDraft]? {
        let since = tx.now.addingTimeInterval(-handler.config.conversation.questionMinutes * 60)
        guard
            let question = try tx.openQuestion(
                channel: message.channel, groupID: message.groupID, senderID: member.platformID, since: since)
        else { return nil }
        guard let item = try tx.item(id: question.itemID) else {
            try tx.answerQuestion(id: question.id)
            return nil
        }
        // A new, complete report or a command is not an answer; the question is then dropped, never asked again.
        // A message the parser is unsure of ("龙西小区12栋" alone) may well be the answer.
        let isAnswer =
            parsed.intent == .chitchat || (parsed.needsReview && parsed.intent != .query)
            || ((parsed.intent == .report || parsed.intent == .wish)
                && (parsed.category == nil || parsed.category == .other || parsed.category?.rawValue == item.category))
        guard isAnswer,
            let place = handler.parser.place(in: ParserInput(text: readable, attachments: message.attachments)),
            place.estate != nil || place.landmark != nil
        else {
            if parsed.intent != .chitchat { try tx.answerQuestion(id: question.id) }
            return nil
        }
        try tx.answerQuestion(id: question.id)
        var drafts: [ReplyDraft] = []
        do {
            drafts.append(try reply(commands.locate(question.itemID, at: place)))
        } catch let refusal as BoardError {
            // The item was closed or handed on meanwhile: the answer is told why, and not taken.
            drafts.append(try replies.refusal(refusal, to: member))
        }
        if !message.imageURLs.isEmpty {
            _ = try commands.addPhotos(question.itemID, urls: message.imageURLs)
        }
        var turn = newTurn(state: .done, intent: parsed.intent)
        turn.itemID = question.itemID
        try tx.recordTurn(turn)
        return drafts
    }

    /// Attaches a photo (or a shared location) to the item the sender's text `after` acted on. When
    /// that text was joined to the item as a report of the same thing, the photo is that report's.
    private func attach(to itemID: Int64, images: [String], location: SharedLocation?, after text: ConversationTurn)
        throws -> [ReplyDraft]
    {
        var drafts: [ReplyDraft] = []
        if !images.isEmpty {
            if let messageID = try tx.queue.inbox(id: text.inboxID)?.platformMessageID,
                let joined = try tx.joinedReport(of: itemID, by: member.id ?? 0, messageID: messageID)
            {
                return [try reply(commands.addPhotos(toJoined: joined, urls: images))]
            }
            drafts.append(try reply(commands.addPhotos(itemID, urls: images)))
        }
        // A shared location places an item nobody placed yet, when the sender may place it.
        if let location, let item = try tx.item(id: itemID), !item.location.namesAPlace,
            commands.actions(on: item).contains(.locate),
            let place = handler.parser.place(
                in: ParserInput(
                    text: "", attachments: [.location(lat: location.lat, lon: location.lon, label: location.label)]))
        {
            var shared = place
            shared.building = nil
            shared.unit = nil
            shared.room = nil
            shared.lat = location.lat
            shared.lon = location.lon
            drafts.append(try reply(commands.locate(itemID, at: shared)))
        }
        return drafts
    }

    private var replies: Replies { handler.useCases.replies }
    private var commands: Commands { handler.useCases.commands(in: tx, by: member) }

    private func conversation(_ message: InboundMessage) -> Conversation {
        Conversation(useCases: handler.useCases, tx: tx, message: message, member: member)
    }

    private func reply(_ happened: Happened) throws -> ReplyDraft {
        try replies.reply(to: happened, by: member, in: .chat)
    }

    /// The indices of the thread record that contains message `index`, empty when it makes none.
    private func record(containing index: Int, in turns: [ConversationTurn]) -> [Int] {
        let records = handler.parser.records(for: turns.map(\.threadMessage), window: window)
        return records.first { $0.messageIndices.contains(index) }?.messageIndices ?? []
    }

    private func newTurn(state: TurnState, intent: Intent?) -> ConversationTurn {
        ConversationTurn(
            inboxID: inboxID, channel: message.channel, groupID: message.groupID, senderID: member.platformID,
            role: role.rawValue, at: tx.now, text: readable, imageURLs: message.imageURLs,
            lat: message.location?.lat,
            lon: message.location?.lon, locationLabel: message.location?.label, intent: intent?.rawValue, state: state)
    }
}

extension ConversationTurn {
    /// The turn as the parser's thread function sees it.
    var threadMessage: ThreadMessage {
        var attachments: [Attachment] = images.map { .image(url: $0) }
        if let lat, let lon { attachments.append(.location(lat: lat, lon: lon, label: locationLabel)) }
        return ThreadMessage(
            sender: senderID, role: SenderRole(rawValue: role) ?? .unknown, ts: at.timeIntervalSince1970, text: text,
            attachments: attachments)
    }
}
