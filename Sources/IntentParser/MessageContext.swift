/// One message as the recognisers see it: the scanned reply text, the item
/// numbers (quote first), the sender's role and what came attached.
struct MessageContext: Sendable {
    /// Cue hits over the text that carries the intent (the reply of a quote).
    var hits: CueHits
    /// Item numbers of a quoted message. Numbers only: their positions belong to the quote's
    /// text, and keeping them out of reach is what stops them indexing `hits.text`.
    var quotedNumbers: [Int]
    /// Item references in the text that carries the intent, positioned in `hits.text`.
    var refs: [ItemRef]
    /// The item the message is about: the quote's first number, else the reply's.
    var ref: Int? { quotedNumbers.first ?? refs.first?.number }
    var role: SenderRole
    /// A done emoji (✅ 👌) right after an item number.
    var doneMark: Bool
    var imageCount: Int
    var hasLocation: Bool

    /// Characters that are not spaces or punctuation: "how long is the message".
    var contentLength: Int {
        hits.text.reduce(0) { $0 + (TextNormalizer.isSeparator($1) ? 0 : 1) }
    }

    /// True when a question marker occurs.
    var isQuestion: Bool { hits.has(.questionMarker) }

    /// True when the message ends as a question (吗, 没, ?), looking past trailing spaces/punctuation.
    var endsAsQuestion: Bool {
        let t = hits.text
        var end = t.count
        while end > 0 && (t[end - 1] == " " || t[end - 1] == "." || t[end - 1] == "!") { end -= 1 }
        guard end > 0 else { return false }
        if t[end - 1] == "?" { return true }
        return hits.hits.contains { $0.kind == .questionMarker && $0.end == end }
            || hits.hits.contains { $0.kind == .itemStatus && $0.end == end }
    }
}
