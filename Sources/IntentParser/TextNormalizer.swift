/// Cleans a raw group message so the lexicon can be matched literally:
/// full-width → half-width, traditional → simplified, Chinese numerals → digits
/// where they count something, decoration and voice fillers dropped.
struct TextNormalizer: Sendable {
    private enum Rewrite: Sendable {
        case replace([Unicode.Scalar])
        case drop
    }

    /// Traditional → simplified over U+3400…U+9FFF as a flat table (0 = unchanged): no hashing per character.
    private let traditional: [UInt32]
    private static let cjkBase: UInt32 = 0x3400
    private let rewrites: PhraseTable<Rewrite>
    private let leadingFillers: PhraseTable<Bool>
    private let counters: PhraseTable<Bool>
    private let numeralBlockers: ScalarSet
    private let refPrefixes: [[Unicode.Scalar]]
    private let doneEmoji: ScalarSet

    /// Private-use scalar standing for a done emoji until we know what precedes it.
    private static let donePlaceholder = Unicode.Scalar(0xE000)!

    init(_ vocabulary: Lexicon.Normalization) {
        var trad: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (k, v) in vocabulary.traditional {
            if let a = k.unicodeScalars.first, let b = v.unicodeScalars.first, k.unicodeScalars.count == 1 {
                trad[a] = b
            }
        }
        var flat = [UInt32](repeating: 0, count: Int(0xA000 - Self.cjkBase))
        for (k, v) in trad where k.value >= Self.cjkBase && k.value < 0xA000 {
            flat[Int(k.value - Self.cjkBase)] = v.value
        }
        traditional = flat
        var rewrites = PhraseTable<Rewrite>()
        // Variants are matched after the character map, so keys are mapped too.
        func mapped(_ s: String) -> [Unicode.Scalar] {
            s.unicodeScalars.map { trad[$0] ?? Self.foldWidth($0) }
        }
        for (from, to) in vocabulary.variants { rewrites.add(mapped(from), .replace(mapped(to))) }
        for f in vocabulary.fillers { rewrites.add(mapped(f), .drop) }
        self.rewrites = rewrites
        var lead = PhraseTable<Bool>()
        for f in vocabulary.leadingFillers { lead.add(mapped(f), true) }
        leadingFillers = lead
        var counters = PhraseTable<Bool>()
        for c in vocabulary.numeralCounters { counters.add(mapped(c), true) }
        self.counters = counters
        numeralBlockers = ScalarSet(vocabulary.numeralBlockers.compactMap { $0.unicodeScalars.first })
        refPrefixes = vocabulary.numeralPrefixes.map(mapped).filter { !$0.isEmpty }
        doneEmoji = ScalarSet(vocabulary.doneEmoji.compactMap { $0.unicodeScalars.first })
    }

    /// Scalars with, for each, the stretch of the written text it came from.
    struct Traced {
        var scalars: [Unicode.Scalar] = []
        var origin: [Int32] = []
        var originEnd: [Int32] = []

        init(capacity: Int) {
            scalars.reserveCapacity(capacity)
            origin.reserveCapacity(capacity)
            originEnd.reserveCapacity(capacity)
        }

        @inline(__always)
        mutating func append(_ s: Unicode.Scalar, _ from: Int32, _ to: Int32) {
            scalars.append(s)
            origin.append(from)
            originEnd.append(to)
        }

        var count: Int { scalars.count }
    }

    /// The whole clean-up, in the order the later steps rely on.
    func normalize(_ text: String) -> NormalizedText {
        let source = Array(text.unicodeScalars)
        var s = mapCharacters(source)
        s = applyRewrites(s, leading: true)
        s = convertNumerals(s)
        var n = finish(s)
        n.source = source
        return n
    }

    /// A lexicon or gazetteer phrase cleaned the same way as messages (but
    /// without dropping a leading filler), so it matches normalised text literally.
    func normalizePhrase(_ phrase: String) -> [Unicode.Scalar] {
        var s = mapCharacters(Array(phrase.unicodeScalars), mentions: false)
        s = applyRewrites(s, leading: false)
        s = convertNumerals(s)
        return finish(s).scalars
    }

    // MARK: - character level

    /// Full-width ASCII to half-width and CJK punctuation to ASCII, so "＃１２，" is "#12,".
    static func foldWidth(_ s: Unicode.Scalar) -> Unicode.Scalar {
        let v = s.value
        switch v {
        case 0xFF21...0xFF3A: return Unicode.Scalar(v - 0xFEE0 + 32)!  // Ａ-Ｚ → a-z
        case 0xFF01...0xFF5E: return Unicode.Scalar(v - 0xFEE0)!
        case 0x3000, 0x09, 0x0A, 0x0D, 0xA0: return " "
        case 0x41...0x5A: return Unicode.Scalar(v + 32)!
        case 0x3001, 0xFF64: return ","  // 、
        case 0x3002, 0xFF61, 0x2026: return "."  // 。 …
        case 0x2014, 0x2013, 0x2015, 0x2212, 0x2010: return "-"
        case 0x301C: return "~"
        case 0x201C, 0x201D, 0x2018, 0x2019: return "\""
        default: return s
        }
    }

    /// Emoji, pictographs and the invisible joiners that glue them.
    static func isDecoration(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x1F000...0x1FAFF, 0x2600...0x27BF, 0x2B00...0x2BFF, 0x2300...0x23FF, 0x2190...0x21FF,
            0xFE00...0xFE0F, 0x200B...0x200F, 0x20E3, 0xE0020...0xE007F, 0x3030, 0x303D, 0x3297, 0x3299,
            0x25A0...0x25FF, 0x2700...0x27BF:
            return true
        default:
            return false
        }
    }

    private func mapCharacters(_ text: [Unicode.Scalar], mentions: Bool = true) -> Traced {
        var out = Traced(capacity: text.count)
        var skippingMention = false
        for (index, raw) in text.enumerated() {
            let at = Int32(index)
            if doneEmoji.contains(raw) {
                out.append(Self.donePlaceholder, at, at + 1)
                continue
            }
            if Self.isDecoration(raw) { continue }
            var s = Self.foldWidth(raw)
            if s.value >= Self.cjkBase && s.value < 0xA000 {
                let t = traditional[Int(s.value - Self.cjkBase)]
                if t != 0 { s = Unicode.Scalar(t)! }
            }
            // "@武书记 " names a person to notify; it is never content.
            if s == "@" && mentions {
                skippingMention = true
                continue
            }
            if skippingMention {
                if s == " " || s == "," || s == ":" {
                    skippingMention = false
                } else {
                    continue
                }
            }
            out.append(s, at, at + 1)
        }
        return out
    }

    // MARK: - word level

    private func applyRewrites(_ s: Traced, leading: Bool) -> Traced {
        let text = s.scalars
        // Voice-style openers ("那个那个…", "就是…") are dropped only at the start, where they carry nothing.
        var start = 0
        while leading {
            while start < text.count && Self.isSeparator(text[start]) { start += 1 }
            guard let m = leadingFillers.longest(at: start, in: text) else { break }
            start = m.end
        }
        if start == 0 && rewrites.isEmpty { return s }
        var out = Traced(capacity: text.count)
        var i = start
        while i < text.count {
            if !rewrites.isEmpty, let m = rewrites.longest(at: i, in: text), let rewrite = m.tags.first {
                if case .replace(let to) = rewrite {
                    for c in to { out.append(c, s.origin[i], s.originEnd[m.end - 1]) }
                }
                i = m.end
            } else {
                out.append(text[i], s.origin[i], s.originEnd[i])
                i += 1
            }
        }
        return out
    }

    /// True when an item prefix (编号, 单号, 工单) ends right before `i`, one space allowed: "编号二十三" is item 23.
    private func endsWithRefPrefix(_ s: [Unicode.Scalar], before i: Int) -> Bool {
        var end = i
        if end > 0 && s[end - 1] == " " { end -= 1 }
        for p in refPrefixes where p.count <= end {
            var k = 0
            while k < p.count && s[end - p.count + k] == p[k] { k += 1 }
            if k == p.count { return true }
        }
        return false
    }

    /// Turns numeral runs into digits where they count something: after 第 or #,
    /// before a counter (十二栋, 两个, 十九号), or as a digit-by-digit code (四零二).
    private func convertNumerals(_ traced: Traced) -> Traced {
        let s = traced.scalars
        guard s.contains(where: ChineseNumerals.isNumeral) else { return traced }
        var out = Traced(capacity: s.count)
        var i = 0
        while i < s.count {
            guard ChineseNumerals.isNumeral(s[i]) else {
                out.append(s[i], traced.origin[i], traced.originEnd[i])
                i += 1
                continue
            }
            var j = i
            while j < s.count && ChineseNumerals.isNumeral(s[j]) { j += 1 }
            let run = s[i..<j]
            let before: Unicode.Scalar? = i > 0 ? s[i - 1] : nil
            let ordinal = before == "第" || before == "#" || endsWithRefPrefix(s, before: i)
            let counted = counters.longest(at: j, in: s) != nil
            let code = run.count >= 3 && !run.contains(where: { ChineseNumerals.unit($0) != nil })
            let blocked = before.map { numeralBlockers.contains($0) } ?? false
            if ordinal || code || (counted && !blocked), let digits = ChineseNumerals.digits(of: run) {
                for d in digits.unicodeScalars { out.append(d, traced.origin[i], traced.originEnd[j - 1]) }
            } else {
                for k in i..<j { out.append(s[k], traced.origin[k], traced.originEnd[k]) }
            }
            i = j
        }
        return out
    }

    // MARK: - final tidy

    static func isSeparator(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case " ", ",", ".", "!", "?", ":", ";", "~", "-", "\"", "'", "*", "/", "\\", "|", "_", "=", "+", "^":
            return true
        default:
            return false
        }
    }

    static func isPunctuation(_ s: Unicode.Scalar) -> Bool {
        s != " " && isSeparator(s)
    }

    private func finish(_ traced: Traced) -> NormalizedText {
        let s = traced.scalars
        var out = Traced(capacity: s.count)
        var doneMarks: [Int] = []
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == Self.donePlaceholder {
                // Whether it follows an item number is the item-ref extractor's call.
                var end = out.count
                while end > 0 && out.scalars[end - 1] == " " { end -= 1 }
                doneMarks.append(end)
                i += 1
                continue
            }
            // WeChat's text emoji ("[玫瑰]", "[强]") are decoration.
            if c == "[", let close = s[(i + 1)...].prefix(6).firstIndex(of: "]"), close > i + 1,
                !s[(i + 1)..<close].contains(" ")
            {
                i = close + 1
                continue
            }
            if c == " " {
                if out.scalars.last != " " && out.count > 0 { out.append(c, traced.origin[i], traced.originEnd[i]) }
            } else if Self.isPunctuation(c), out.scalars.last == c {
                // "!!!" and "？？" say no more than one
            } else {
                out.append(c, traced.origin[i], traced.originEnd[i])
            }
            i += 1
        }
        while out.scalars.last == " " {
            out.scalars.removeLast()
            out.origin.removeLast()
            out.originEnd.removeLast()
        }
        return NormalizedText(
            scalars: out.scalars, doneMarks: doneMarks.map { min($0, out.count) }, origin: out.origin,
            originEnd: out.originEnd)
    }

    @inline(__always)
    static func isDigit(_ s: Unicode.Scalar) -> Bool {
        s.value >= 48 && s.value <= 57
    }
}
