/// Finds every lexicon phrase that starts at each position of a text with one
/// dictionary lookup per character, so the whole vocabulary is matched in a
/// single pass instead of one `contains` per word.
struct PhraseTable<Tag: Sendable>: Sendable {
    private struct Entry: Sendable {
        var scalars: [Unicode.Scalar]
        var tags: [Tag]
    }

    /// Entries by first scalar, longest first so the first hit at a position is the longest.
    private var buckets: [[Entry]] = []
    /// Bucket index + 1 for each BMP scalar (0 = no phrase starts with it): an array read, no hashing.
    private var bmp: [Int32] = []
    /// Buckets of scalars outside the BMP (rare: letters-like symbols).
    private var astral: [Unicode.Scalar: Int] = [:]

    init() {}

    var isEmpty: Bool { buckets.isEmpty }

    @inline(__always)
    private func bucket(_ s: Unicode.Scalar) -> Int? {
        let v = Int(s.value)
        if v < bmp.count {
            let b = Int(bmp[v])
            return b == 0 ? nil : b - 1
        }
        return v < 0x10000 ? nil : astral[s]
    }

    /// Adds a phrase; a phrase added twice keeps all its tags.
    mutating func add(_ phrase: [Unicode.Scalar], _ tag: Tag) {
        guard let first = phrase.first else { return }
        if bmp.isEmpty { bmp = [Int32](repeating: 0, count: 0x10000) }
        let b: Int
        if let existing = bucket(first) {
            b = existing
        } else {
            b = buckets.count
            buckets.append([])
            if first.value < 0x10000 { bmp[Int(first.value)] = Int32(b + 1) } else { astral[first] = b }
        }
        if let i = buckets[b].firstIndex(where: { $0.scalars == phrase }) {
            buckets[b][i].tags.append(tag)
        } else {
            buckets[b].append(Entry(scalars: phrase, tags: [tag]))
            buckets[b].sort { $0.scalars.count > $1.scalars.count }
        }
    }

    /// Calls `body(end, tag)` for every phrase starting at `start`, longest first.
    @inline(__always)
    func forEachMatch(at start: Int, in text: [Unicode.Scalar], _ body: (Int, Tag) -> Void) {
        guard let b = bucket(text[start]) else { return }
        for entry in buckets[b] where Self.matches(entry.scalars, at: start, in: text) {
            for tag in entry.tags { body(start + entry.scalars.count, tag) }
        }
    }

    /// The longest phrase starting at `start`: its end and tags.
    func longest(at start: Int, in text: [Unicode.Scalar]) -> (end: Int, tags: [Tag])? {
        guard start < text.count, let b = bucket(text[start]) else { return nil }
        for entry in buckets[b] where Self.matches(entry.scalars, at: start, in: text) {
            return (start + entry.scalars.count, entry.tags)
        }
        return nil
    }

    /// True when some phrase ends exactly at `end` (used to look one word back).
    func hasPhrase(endingAt end: Int, in text: [Unicode.Scalar], maxLength: Int = 4) -> Bool {
        var start = end - 1
        while start >= 0 && end - start <= maxLength {
            if let b = bucket(text[start]) {
                for entry in buckets[b]
                where entry.scalars.count == end - start && Self.matches(entry.scalars, at: start, in: text) {
                    return true
                }
            }
            start -= 1
        }
        return false
    }

    @inline(__always)
    private static func matches(_ phrase: [Unicode.Scalar], at start: Int, in text: [Unicode.Scalar]) -> Bool {
        if start + phrase.count > text.count { return false }
        var i = 1
        while i < phrase.count {
            if text[start + i] != phrase[i] { return false }
            i += 1
        }
        return true
    }
}
