/// Every lexicon phrase found in one message, with cheap "is there a …" checks,
/// so the recognisers share one scan of the text.
struct CueHits: Sendable {
    /// One phrase occurrence.
    struct Hit: Sendable, Equatable {
        var start: Int
        var end: Int
        var cue: Cue
        var kind: CueKind { cue.kind }
        var length: Int { end - start }
    }

    /// The text the hits point into.
    let text: [Unicode.Scalar]
    /// Hits by start position, longest first at the same start.
    let hits: [Hit]
    private let present: [Bool]

    init(text: [Unicode.Scalar], table: PhraseTable<Cue>) {
        self.text = text
        var hits: [Hit] = []
        hits.reserveCapacity(32)
        var present = [Bool](repeating: false, count: CueKind.allCases.count)
        for i in text.indices {
            table.forEachMatch(at: i, in: text) { end, cue in
                hits.append(Hit(start: i, end: end, cue: cue))
                present[cue.kind.rawValue] = true
            }
        }
        self.hits = hits
        self.present = present
    }

    /// True when some phrase of this kind occurs anywhere.
    @inline(__always)
    func has(_ kind: CueKind) -> Bool { present[kind.rawValue] }

    /// Hits of one kind in text order.
    func all(_ kind: CueKind) -> [Hit] {
        guard has(kind) else { return [] }
        return hits.filter { $0.kind == kind }
    }

    /// The first hit of one kind.
    func first(_ kind: CueKind) -> Hit? {
        guard has(kind) else { return nil }
        return hits.first { $0.kind == kind }
    }

    /// Hits of one kind not cancelled by a negation right before them (不接单, 未认领).
    func unnegated(_ kind: CueKind) -> [Hit] {
        all(kind).filter { !isNegated($0) }
    }

    /// True when a negation ends right where the hit starts.
    func isNegated(_ hit: Hit) -> Bool {
        hits.contains { $0.kind == .negation && $0.end == hit.start }
    }

    /// Leftmost-longest hits among the given kinds, so a longer word ("电线杆") hides the shorter ones inside it ("电线").
    func longestNonOverlapping(_ kinds: CueKinds, from: Int = 0, to: Int? = nil) -> [Hit] {
        let limit = to ?? text.count
        var out: [Hit] = []
        var reach = from
        var i = 0
        while i < hits.count {
            let h = hits[i]
            i += 1
            if h.start < reach || h.end > limit || !kinds.contains(h.kind) { continue }
            // hits at one start are longest first, but of mixed kinds: take the longest of ours
            out.append(h)
            reach = h.end
        }
        return out
    }

    /// True when any hit of `kind` lies inside [from, to).
    func has(_ kind: CueKind, from: Int, to: Int) -> Bool {
        guard has(kind) else { return false }
        return hits.contains { $0.kind == kind && $0.start >= from && $0.end <= to }
    }
}
