/// What the learned models see of a message: character 1–3-grams of the cleaned reply text, which
/// lexicon cue kinds and category words occur, the sender's role, attachments, item numbers, the
/// place found, and the rules' own reading, so the model learns when to trust the rules.
///
/// One description of the features serves training (names) and parsing (hashed keys), so the two
/// cannot drift apart.
struct Features {
    /// The rules' reading of the message, given to the model as features.
    struct RuleReading {
        var intent: Intent
        var category: Category?
        var query: QueryKind?
    }

    /// Collects features as names (training) or as hashed keys (parsing).
    protocol Sink {
        mutating func add(_ name: String)
        /// `prefix` + the scalars `text[range]`.
        mutating func add(_ prefix: String, _ text: [Unicode.Scalar], _ range: Range<Int>)
    }

    struct Keys: Sink {
        var keys: [FeatureKey] = []
        mutating func add(_ name: String) { keys.append(FeatureKey(name)) }
        mutating func add(_ prefix: String, _ text: [Unicode.Scalar], _ range: Range<Int>) {
            keys.append(FeatureKey(prefix, text, range))
        }
    }

    struct Names: Sink {
        var names: [String] = []
        mutating func add(_ name: String) { names.append(name) }
        mutating func add(_ prefix: String, _ text: [Unicode.Scalar], _ range: Range<Int>) {
            var v = String.UnicodeScalarView()
            v.append(contentsOf: text[range])
            names.append(prefix + String(v))
        }
    }

    /// Longest stretch of text the n-grams read: work per message stays bounded.
    static let maxScalars = 600
    /// Named places, masked in the n-grams.
    static let placeKinds: CueKinds = [.estate, .landmark, .street, .community]

    static func collect<S: Sink>(
        into sink: inout S, context ctx: MessageContext, rules: RuleReading, place: Place?, quoted: Bool
    ) {
        sink.add("bias")
        // Character n-grams; "^"/"$" mark the ends. Named places read as one placeholder and digits
        // as 0, so the model learns "a place, then a fault" rather than which estates were in the data.
        let t = ctx.hits.text
        let limit = min(t.count, maxScalars)
        var placeEnd = [Int](repeating: -1, count: limit)
        for hit in ctx.hits.hits where hit.start < limit && placeKinds.contains(hit.kind) {
            placeEnd[hit.start] = max(placeEnd[hit.start], min(hit.end, limit))
        }
        var chars: [Unicode.Scalar] = ["^"]
        chars.reserveCapacity(limit + 2)
        var lastWasSpace = false
        var i = 0
        while i < limit {
            if placeEnd[i] > i {
                chars.append("Ⓟ")
                lastWasSpace = false
                i = placeEnd[i]
                continue
            }
            let s = t[i]
            i += 1
            let space = TextNormalizer.isSeparator(s)
            if space && (lastWasSpace || chars.count == 1) { continue }
            chars.append(space ? " " : TextNormalizer.isDigit(s) ? "0" : s)
            lastWasSpace = space
        }
        if chars.last == " " { chars.removeLast() }
        chars.append("$")
        for i in 0..<chars.count {
            if i > 0 && i < chars.count - 1 { sink.add("1:", chars, i..<(i + 1)) }
            if i + 2 <= chars.count { sink.add("2:", chars, i..<(i + 2)) }
            if i + 3 <= chars.count { sink.add("3:", chars, i..<(i + 3)) }
        }
        // Lexicon cues: which kinds occur (negated ones apart), and category words by category.
        let h = ctx.hits
        var kinds = Set<Int>()
        var negatedKinds = Set<Int>()
        var categories = Set<Int>()
        for hit in h.hits {
            if h.isNegated(hit) { negatedKinds.insert(hit.kind.rawValue) } else { kinds.insert(hit.kind.rawValue) }
            if hit.kind == .category { categories.insert(hit.cue.value >> 8) }
        }
        // The lexicon phrases themselves (longer than the n-grams reach), places aside.
        for hit in h.hits where hit.length >= 3 && hit.end <= limit && !placeKinds.contains(hit.kind) && hit.kind != .estateSuffix {
            sink.add("w:", t, hit.start..<hit.end)
        }
        for k in kinds.sorted() { sink.add("k:" + String(describing: CueKind.allCases[k])) }
        for k in negatedKinds.sorted() { sink.add("kneg:" + String(describing: CueKind.allCases[k])) }
        for c in categories.sorted() where c < Category.allCases.count { sink.add("c:" + Category.allCases[c].rawValue) }
        // Who and what came with it.
        sink.add("role:" + ctx.role.rawValue)
        if ctx.imageCount > 0 { sink.add("img") }
        if ctx.hasLocation { sink.add("loc") }
        if quoted { sink.add("quote") }
        if let form = ctx.refs.first?.form { sink.add("ref:\(form)") } else if ctx.ref != nil { sink.add("ref:quoted") }
        if ctx.doneMark { sink.add("done") }
        if ctx.endsAsQuestion { sink.add("q:end") }
        let n = ctx.contentLength
        sink.add("len:" + (n == 0 ? "0" : n <= 4 ? "1" : n <= 12 ? "2" : n <= 30 ? "3" : n <= 80 ? "4" : "5"))
        if n <= 4 && ctx.imageCount > 0 { sink.add("img+short") }
        if let p = place {
            if p.estate != nil { sink.add("p:estate") }
            if p.grid != nil { sink.add("p:known") }
            if p.building != nil { sink.add("p:building") }
            if p.room != nil { sink.add("p:room") }
            if p.landmark != nil { sink.add("p:landmark") }
        } else {
            sink.add("p:none")
        }
        // The rules' reading.
        sink.add("rule:" + rules.intent.rawValue)
        if let c = rules.category { sink.add("rulecat:" + c.rawValue) }
        if let q = rules.query { sink.add("ruleq:" + q.rawValue) }
    }
}
