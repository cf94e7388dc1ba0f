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
        mutating func add(_ feature: NamedFeature)
        /// `prefix` + the scalars `text[range]`.
        mutating func add(_ prefix: FeatureKey.Prefix, _ text: [Unicode.Scalar], _ range: Range<Int>)
    }

    struct Keys: Sink {
        var keys: [FeatureKey] = []
        mutating func add(_ feature: NamedFeature) { keys.append(feature.key) }
        mutating func add(_ prefix: FeatureKey.Prefix, _ text: [Unicode.Scalar], _ range: Range<Int>) {
            keys.append(FeatureKey(prefix, text, range))
        }
    }

    struct Names: Sink {
        var names: [String] = []
        mutating func add(_ feature: NamedFeature) { names.append(feature.name) }
        mutating func add(_ prefix: FeatureKey.Prefix, _ text: [Unicode.Scalar], _ range: Range<Int>) {
            var v = String.UnicodeScalarView()
            v.append(contentsOf: text[range])
            names.append(prefix.name + String(v))
        }
    }

    // Every fixed name, hashed once.
    static let bias = NamedFeature("bias")
    static let unigram = FeatureKey.Prefix("1:")
    static let bigram = FeatureKey.Prefix("2:")
    static let trigram = FeatureKey.Prefix("3:")
    static let phrase = FeatureKey.Prefix("w:")
    static let kinds = CueKind.allCases.map { NamedFeature("k:\($0)") }
    static let negatedKinds = CueKind.allCases.map { NamedFeature("kneg:\($0)") }
    static let categoryCues = Category.allCases.map { NamedFeature("c:" + $0.rawValue) }
    static let roles = SenderRole.allCases.map { NamedFeature("role:" + $0.rawValue) }
    static let refForms = ["bare", "suffixed", "marked", "quoted"].map { NamedFeature("ref:" + $0) }
    static let lengths = (0...5).map { NamedFeature("len:\($0)") }
    /// Flags as constants: a message sets several, and a dictionary keyed by name would hash each name every time.
    enum Flag: Int, CaseIterable {
        case img, loc, quote, done, questionEnd, imgShort, estate, known, building, room, landmark, noPlace
        var name: String {
            switch self {
            case .img: "img"
            case .loc: "loc"
            case .quote: "quote"
            case .done: "done"
            case .questionEnd: "q:end"
            case .imgShort: "img+short"
            case .estate: "p:estate"
            case .known: "p:known"
            case .building: "p:building"
            case .room: "p:room"
            case .landmark: "p:landmark"
            case .noPlace: "p:none"
            }
        }
    }
    static let flags = Flag.allCases.map { NamedFeature($0.name) }
    static let ruleIntents = Intent.allCases.map { NamedFeature("rule:" + $0.rawValue) }
    static let ruleCategories = Category.allCases.map { NamedFeature("rulecat:" + $0.rawValue) }
    static let ruleQueries = QueryKind.allCases.map { NamedFeature("ruleq:" + $0.rawValue) }

    /// Longest stretch of text the n-grams read: work per message stays bounded.
    static let maxScalars = 600
    /// Named places, masked in the n-grams.
    static let placeKinds: CueKinds = [.estate, .landmark, .street, .community]

    static func collect<S: Sink>(
        into sink: inout S, context ctx: MessageContext, rules: RuleReading, place: Place?, quoted: Bool
    ) {
        sink.add(bias)
        func flag(_ f: Flag) { sink.add(flags[f.rawValue]) }
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
            if i > 0 && i < chars.count - 1 { sink.add(unigram, chars, i..<(i + 1)) }
            if i + 2 <= chars.count { sink.add(bigram, chars, i..<(i + 2)) }
            if i + 3 <= chars.count { sink.add(trigram, chars, i..<(i + 3)) }
        }
        // Lexicon cues: which kinds occur (negated ones apart), and category words by category.
        let h = ctx.hits
        var seenKinds = [Bool](repeating: false, count: CueKind.allCases.count)
        var seenNegated = seenKinds
        var seenCategories = [Bool](repeating: false, count: Category.allCases.count)
        for hit in h.hits {
            if h.isNegated(hit) { seenNegated[hit.kind.rawValue] = true } else { seenKinds[hit.kind.rawValue] = true }
            if hit.kind == .category, (hit.cue.value >> 8) < seenCategories.count {
                seenCategories[hit.cue.value >> 8] = true
            }
        }
        // The lexicon phrases themselves (longer than the n-grams reach), places aside.
        for hit in h.hits
        where hit.length >= 3 && hit.end <= limit && !placeKinds.contains(hit.kind) && hit.kind != .estateSuffix {
            sink.add(phrase, t, hit.start..<hit.end)
        }
        for k in seenKinds.indices where seenKinds[k] { sink.add(kinds[k]) }
        for k in seenNegated.indices where seenNegated[k] { sink.add(negatedKinds[k]) }
        for c in seenCategories.indices where seenCategories[c] { sink.add(categoryCues[c]) }
        // Who and what came with it.
        if let r = SenderRole.allCases.firstIndex(of: ctx.role) { sink.add(roles[r]) }
        if ctx.imageCount > 0 { flag(.img) }
        if ctx.hasLocation { flag(.loc) }
        if quoted { flag(.quote) }
        if let form = ctx.refs.first?.form {
            sink.add(refForms[form.rawValue])
        } else if ctx.ref != nil {
            sink.add(refForms[3])
        }
        if ctx.doneMark { flag(.done) }
        if ctx.endsAsQuestion { flag(.questionEnd) }
        let n = ctx.contentLength
        sink.add(lengths[n == 0 ? 0 : n <= 4 ? 1 : n <= 12 ? 2 : n <= 30 ? 3 : n <= 80 ? 4 : 5])
        if n <= 4 && ctx.imageCount > 0 { flag(.imgShort) }
        if let p = place {
            if p.estate != nil { flag(.estate) }
            if p.grid != nil { flag(.known) }
            if p.building != nil { flag(.building) }
            if p.room != nil { flag(.room) }
            if p.landmark != nil { flag(.landmark) }
        } else {
            flag(.noPlace)
        }
        // The rules' reading.
        if let i = Intent.allCases.firstIndex(of: rules.intent) { sink.add(ruleIntents[i]) }
        if let c = rules.category, let i = Category.allCases.firstIndex(of: c) { sink.add(ruleCategories[i]) }
        if let q = rules.query, let i = QueryKind.allCases.firstIndex(of: q) { sink.add(ruleQueries[i]) }
    }
}
