/// Finds item numbers (#12, ＃12, 12号, 编号12, 第15单, 9号单) and leaves out
/// numbers that are buildings (12号楼, 12#楼, 12栋), addresses (龙西路15号),
/// dates (3月5号) or parts of place names (2号驿站).
struct ItemRefExtractor: Sendable {
    /// Command and query words after which a bare number is an item ("认领12", "认领: 19").
    static let commandKinds: CueKinds = [
        .claimStrong, .claimWeak, .claimSelf, .claimBeforeRef, .release, .complete, .verify, .escalate, .itemStatus,
        .itemStatusWithRef,
    ]

    /// All item references in text order. `covered` are scalar ranges of place names to skip.
    func refs(in hits: CueHits, covered: [Range<Int>]) -> [ItemRef] {
        let t = hits.text
        var out: [ItemRef] = []
        var i = 0
        while i < t.count {
            guard TextNormalizer.isDigit(t[i]) else {
                i += 1
                continue
            }
            var j = i
            while j < t.count && TextNormalizer.isDigit(t[j]) { j += 1 }
            defer { i = j }
            if j - i > 5 || covered.contains(where: { $0.contains(i) }) { continue }
            // part of "12-2-301" or "3.5"
            if i > 0, t[i - 1] == "-" || t[i - 1] == "." { continue }
            if j < t.count, t[j] == "-" || t[j] == ".", j + 1 < t.count, TextNormalizer.isDigit(t[j + 1]) { continue }
            if let ref = classify(i, j, hits) { out.append(ref) }
        }
        return out
    }

    private func classify(_ a: Int, _ b: Int, _ hits: CueHits) -> ItemRef? {
        let t = hits.text
        guard let number = Int(String(String.UnicodeScalarView(t[a..<b]))) else { return nil }
        // What comes right after the digits (one space allowed before a suffix: "11 号").
        if startsAny(hits, at: b, [.buildingMarker, .unitMarker, .roomMarker]) { return nil }
        var suffixEnd: Int?
        for at in [b, b + 1] where at == b || (b < t.count && t[b] == " ") {
            if let s = longestStarting(hits, at: at, .refSuffix) {
                suffixEnd = s
                break
            }
        }
        if let e = suffixEnd, startsAny(hits, at: e, [.refBlockerAfter, .buildingMarker, .unitMarker]) { return nil }
        if hits.hits.contains(where: { $0.kind == .refBlockerBefore && $0.end == a }) { return nil }
        let before = skipSeparators(t, back: a)
        let marked = hits.hits.contains { ($0.kind == .refPrefix || $0.kind == .refOrdinal) && $0.end == before }
        if hits.hits.contains(where: { $0.kind == .refOrdinal && $0.end == before }) && suffixEnd == nil {
            return nil  // 第3 without 单/号 is an ordinal, not an item
        }
        if marked { return ItemRef(number: number, start: a, end: b, tokenEnd: suffixEnd ?? b, form: .marked) }
        if let e = suffixEnd { return ItemRef(number: number, start: a, end: b, tokenEnd: e, form: .suffixed) }
        // A bare number must stand alone ("认领12", "认领 12 今晚去"), not count something ("已解决18条", "要2个").
        let standsAlone =
            b == t.count || TextNormalizer.isSeparator(t[b])
            || hits.hits.contains { $0.start == b && Self.commandKinds.contains($0.kind) }
        guard standsAlone else { return nil }
        let afterCommand = hits.hits.contains { Self.commandKinds.contains($0.kind) && $0.end == before }
        let opensMessage = before == 0
        if afterCommand || opensMessage { return ItemRef(number: number, start: a, end: b, tokenEnd: b, form: .bare) }
        return nil
    }

    private func startsAny(_ hits: CueHits, at i: Int, _ kinds: CueKinds) -> Bool {
        hits.hits.contains { $0.start == i && kinds.contains($0.kind) }
    }

    private func longestStarting(_ hits: CueHits, at i: Int, _ kind: CueKind) -> Int? {
        hits.hits.first { $0.start == i && $0.kind == kind }?.end
    }

    /// Index just after the previous non-separator, skipping spaces and colons between a prefix and its number.
    private func skipSeparators(_ t: [Unicode.Scalar], back a: Int) -> Int {
        var k = a
        while k > 0 && (t[k - 1] == " " || t[k - 1] == ":" || t[k - 1] == ",") && a - k < 2 { k -= 1 }
        return k
    }
}
