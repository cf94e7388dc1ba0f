/// Picks a report's category from weighted keywords: longest keywords win over
/// the words inside them, the first-mentioned problem gets a bonus (a message
/// with two problems is about the first), ties follow the lexicon's priority,
/// and override rules move known confusions (a hole beside an intact cover is road).
struct CategoryClassifier: Sendable {
    /// The outcome with its evidence, so the intent decision can weigh it.
    struct Outcome: Sendable, Equatable {
        var category: Category
        /// Keyword weight of the winner (0 when no keyword matched).
        var score: Int
        /// Winner's score minus the runner-up's.
        var margin: Int
    }

    /// Category by index: cue values for `.category` hits are `index << 8 | weight`.
    static let categories = Category.allCases
    let priority: [Int]
    let firstMentionBonus: Int
    let overrides: [(from: Category, to: Category)]
    /// First scalars of the locative words ("草坪上", "垃圾桶旁边"): a keyword right before one names a place.
    let locatives: ScalarSet

    init(_ vocabulary: Lexicon.Categories) {
        var rank = [Int](repeating: Int.max, count: Self.categories.count)
        for (i, name) in vocabulary.priority.enumerated() {
            if let c = Category(rawValue: name), let idx = Self.categories.firstIndex(of: c) { rank[idx] = i }
        }
        priority = rank
        firstMentionBonus = vocabulary.firstMentionBonus
        locatives = ScalarSet(vocabulary.locativeAfter.compactMap { $0.unicodeScalars.first })
        overrides = vocabulary.overrides.compactMap { o in
            guard let f = Category(rawValue: o.from), let t = Category(rawValue: o.to) else { return nil }
            return (f, t)
        }
    }

    static func encode(category: Category, weight: Int) -> Int {
        (categories.firstIndex(of: category)! << 8) | min(max(weight, 0), 255)
    }

    /// Scores over [from, to) of the text (the whole text by default).
    func classify(_ hits: CueHits, from: Int = 0, to: Int? = nil) -> Outcome? {
        var scores = [Int](repeating: 0, count: Self.categories.count)
        var first: Int?
        // "2单元门口" is unit 2's doorway, not the 单元门 (building) keyword: skip words that start on a number's marker.
        let numbered = hits.hits.filter { m in
            (m.kind == .unitMarker || m.kind == .buildingMarker) && m.start > 0
                && TextNormalizer.isDigit(hits.text[m.start - 1])
        }
        for h in hits.longestNonOverlapping([.category, .neutral], from: from, to: to) where h.kind == .category {
            if numbered.contains(where: { $0.start == h.start }) { continue }
            let idx = h.cue.value >> 8
            scores[idx] += h.cue.value & 0xFF
            // The bonus goes to the first problem word, not to a place word like 公厕 (weight < 4)
            // nor to a keyword used as the place of the problem ("草坪上有狗屎").
            let locative = h.end < hits.text.count && locatives.contains(hits.text[h.end])
            if first == nil && h.cue.value & 0xFF >= 4 && !locative { first = idx }
        }
        guard scores.contains(where: { $0 > 0 }) else { return nil }
        if let first { scores[first] += firstMentionBonus }
        var best = 0
        for i in scores.indices
        where scores[i] > scores[best] || (scores[i] == scores[best] && priority[i] < priority[best]) {
            best = i
        }
        let runnerUp = scores.indices.filter { $0 != best }.map { scores[$0] }.max() ?? 0
        var category = Self.categories[best]
        for h in hits.all(.categoryOverride) where h.start >= from && h.end <= (to ?? hits.text.count) {
            let rule = overrides[h.cue.value]
            if rule.from == category { category = rule.to }
        }
        return Outcome(category: category, score: scores[best], margin: scores[best] - runnerUp)
    }
}
