extension IntentParser {
    /// Groups a message sequence into board records (LABELING.md, "Threads"):
    /// every non-chat text is a record; a photo/location-only message joins the
    /// same sender's nearest non-chat text within `window` seconds (before or
    /// after), is swallowed by a chat text of that sender within the window (a
    /// thank-you with a photo), or else stands alone as report/other. Records are
    /// in the time order of their first message. Pure: no clock of its own.
    /// `window` is in seconds (a `TimeInterval`).
    public func records(for messages: [ThreadMessage], window: Double = 300) -> [ThreadRecord] {
        let isBare = messages.map { $0.text.allSatisfy { $0.isWhitespace } }
        var results: [ParseResult?] = messages.indices.map { i in
            isBare[i]
                ? nil
                : parse(
                    ParserInput(
                        text: messages[i].text, senderRole: messages[i].role, attachments: messages[i].attachments))
        }
        func near(_ i: Int, _ j: Int) -> Bool {
            messages[i].sender == messages[j].sender && abs(messages[i].ts - messages[j].ts) <= window
        }
        // A text that is chat alone may point at a photo sent apart ("这里" + photo): read it with those photos.
        for i in messages.indices where !isBare[i] && results[i]?.intent == .chitchat && pointsAtPhoto(messages[i].text)
        {
            let extra = messages.indices.filter { isBare[$0] && near(i, $0) }.flatMap { messages[$0].attachments }
            guard !extra.isEmpty else { continue }
            let again = parse(
                ParserInput(
                    text: messages[i].text, senderRole: messages[i].role, attachments: messages[i].attachments + extra))
            if again.intent != .chitchat { results[i] = again }
        }

        var joined: [Int: [Int]] = [:]
        var lone: [Int] = []
        for j in messages.indices where isBare[j] {
            let texts = messages.indices.filter { !isBare[$0] && near($0, j) }
            let records = texts.filter { results[$0]?.intent != .chitchat }
            if let best = records.min(by: { closer($0, than: $1, to: j, messages) }) {
                joined[best, default: []].append(j)
            } else if texts.isEmpty {
                lone.append(j)
            }
            // else: a chat text of the sender is near — the photo belongs to the chat
        }

        var out: [(first: Double, index: Int, record: ThreadRecord)] = []
        for i in messages.indices where !isBare[i] {
            guard var result = results[i], result.intent != .chitchat else { continue }
            let extra = joined[i] ?? []
            if !extra.isEmpty {
                let attachments = messages[i].attachments + extra.flatMap { messages[$0].attachments }
                let again = parse(
                    ParserInput(text: messages[i].text, senderRole: messages[i].role, attachments: attachments))
                if again.intent == result.intent { result = again } else { result.photoURLs = photoURLs(attachments) }
            }
            let indices = ([i] + extra).sorted()
            let first = indices.map { messages[$0].ts }.min() ?? messages[i].ts
            out.append(
                (
                    first, indices[0],
                    ThreadRecord(
                        result: result, sender: messages[i].sender,
                        photoCount: result.photoURLs.count, messageIndices: indices)
                ))
        }
        for j in lone {
            let urls = photoURLs(messages[j].attachments)
            let result = ParseResult(
                intent: .report, category: .other, photoURLs: urls, confidence: 0.45, needsReview: true,
                missing: [.place])
            out.append(
                (
                    messages[j].ts, j,
                    ThreadRecord(
                        result: result, sender: messages[j].sender, photoCount: urls.count, messageIndices: [j])
                ))
        }
        return out.sorted { ($0.first, $0.index) < ($1.first, $1.index) }.map(\.record)
    }

    /// True when the text only makes sense with a photo ("这里", "看下这个").
    func pointsAtPhoto(_ text: String) -> Bool {
        CueHits(text: normalizer.normalize(text).scalars, table: table).has(.photoPointer)
    }

    private func closer(_ a: Int, than b: Int, to j: Int, _ m: [ThreadMessage]) -> Bool {
        let da = abs(m[a].ts - m[j].ts)
        let db = abs(m[b].ts - m[j].ts)
        return da != db ? da < db : a < b
    }

    private func photoURLs(_ attachments: [Attachment]) -> [String] {
        attachments.compactMap { if case .image(let url) = $0 { return url } else { return nil } }
    }
}
