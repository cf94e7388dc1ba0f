/// Decides what a non-command message is — report, wish, suggestion or chat —
/// following LABELING.md: solved problems, confirmations, notices and personal
/// requests are chat even with a place and a category word; a proposal with no
/// concrete fault is a suggestion; help for a named person (also inside their
/// home) is a wish; a present fault in a shared space is a report; a photo with
/// no telling text is a report of category other.
struct ContentClassifier: Sendable {
    typealias Outcome = CategoryClassifier.Outcome
    let categories: CategoryClassifier
    let minCategoryScore: Int
    let minEvidence: Int

    /// The decision with the category for reports.
    struct Decision: Sendable, Equatable {
        var intent: Intent
        var category: Category?
        var confidence: Double
    }

    func classify(_ ctx: MessageContext, placeNamed: Bool) -> Decision {
        let h = ctx.hits
        let hasImage = ctx.imageCount > 0
        let attachment = hasImage || ctx.hasLocation
        if ctx.contentLength == 0 {
            return attachment
                ? Decision(intent: .report, category: .other, confidence: 0.45)
                : Decision(intent: .chitchat, confidence: 0.9)
        }

        var outcome = categories.classify(h)
        // "下水管道又堵了 还有楼道灯也不亮": the main problem is the one before the second-problem marker.
        if let o = outcome, let m = h.first(.secondProblem), m.start > 0,
            let pre = categories.classify(h, to: m.start), pre.score >= minCategoryScore, pre.category != o.category
        {
            outcome = Outcome(category: pre.category, score: o.score, margin: o.margin)
        }
        let catScore = outcome?.score ?? 0
        let fault = faultScore(h, to: h.text.count)
        let evidence = catScore + fault + (placeNamed ? 1 : 0) + (hasImage ? 1 : 0)
        let strongReport = catScore >= minCategoryScore + 2 && fault >= 2 && evidence >= minEvidence + 3

        if h.has(.wishTag) && !h.has(.suggestionCue) {
            return Decision(intent: .wish, confidence: 0.95)
        }

        // Chat even when a place and a problem word are named.
        if solved(h) || h.has(.confirm) {
            return Decision(intent: .chitchat, confidence: 0.85)
        }
        if ctx.role == .secretary && h.has(.notice) {
            return Decision(intent: .chitchat, confidence: 0.85)
        }
        if let s = suggestion(h) {
            // A concrete present fault before any hypothetical clause is still a report.
            let preCategory = categories.classify(h, to: s.factEnd)
            let preFault = faultScore(h, to: s.factEnd)
            if let pc = preCategory, pc.score >= minCategoryScore, preFault >= 2 {
                return Decision(intent: .report, category: pc.category, confidence: 0.6)
            }
            return Decision(intent: .suggestion, confidence: s.strong ? 0.85 : 0.7)
        }

        if h.has(.personal) && !strongReport {
            return Decision(intent: .chitchat, confidence: 0.8)
        }

        if h.has(.beneficiary) && h.has(.wishRequest) {
            let publicFault = catScore >= minCategoryScore && fault >= 2 && !h.has(.homeMarker)
            if !publicFault { return Decision(intent: .wish, confidence: 0.75) }
        }

        if let o = outcome, catScore >= minCategoryScore, evidence >= minEvidence {
            let confidence = min(0.95, 0.4 + 0.04 * Double(evidence) + (o.margin >= 3 ? 0.05 : 0))
            return Decision(intent: .report, category: o.category, confidence: confidence)
        }
        if attachment && h.has(.photoPointer) {
            return Decision(intent: .report, category: outcome?.category ?? .other, confidence: 0.5)
        }
        // A photo with a few words that are not chat ("就这", "喏") still points at something.
        if hasImage && ctx.contentLength <= 4 && !h.has(.thanks) && !h.has(.notice) {
            return Decision(intent: .report, category: outcome?.category ?? .other, confidence: 0.45)
        }
        if hasImage, let o = outcome, evidence >= minEvidence {
            return Decision(intent: .report, category: o.category, confidence: 0.55)
        }
        // A fault at a named place with words the lexicon lacks ("宝华3栋的信报箱坏了") is still a report.
        if ctx.role != .secretary && !ctx.isQuestion && catScore < minCategoryScore && fault >= 2 && placeNamed {
            return Decision(intent: .report, category: .other, confidence: 0.45)
        }
        // Some problem evidence but not enough: chat, flagged for review.
        let confidence = catScore >= minCategoryScore || fault >= 3 ? 0.45 : 0.7
        return Decision(intent: .chitchat, confidence: confidence)
    }

    // MARK: - pieces

    /// Weighted fault words over [0, to), longest first, ignoring negated ones.
    func faultScore(_ h: CueHits, to: Int) -> Int {
        var sum = 0
        for hit in h.longestNonOverlapping([.fault], to: to) where !h.isNegated(hit) {
            sum += hit.cue.value
        }
        return sum
    }

    /// A solved cue not followed by a relapse ("修好了又坏了") and not negated ("不亮了" is no "亮了").
    private func solved(_ h: CueHits) -> Bool {
        for s in h.all(.solved) where !h.isNegated(s) {
            if h.hits.contains(where: { $0.kind == .relapse && $0.start >= s.end && $0.start - s.end <= 4 }) {
                continue
            }
            // "不亮了" contains "亮了": a negation right before cancels it
            if s.start > 0, h.hits.contains(where: { $0.kind == .negation && $0.end == s.start }) { continue }
            return true
        }
        return false
    }

    /// A proposal: 建议…, or a modal with a "new thing" verb (能不能装…), or a wishful ending (要是…就好了).
    /// `factEnd` is where the hypothetical part begins (faults after it are not present faults).
    private func suggestion(_ h: CueHits) -> (strong: Bool, factEnd: Int)? {
        let factEnd = h.first(.hypothetical)?.start ?? h.text.count
        if h.has(.suggestionCue) { return (true, factEnd) }
        for m in h.all(.modal) {
            // the proposal verb must follow in the same clause ("希望社区能在门口加几个…")
            var clauseEnd = m.end
            while clauseEnd < h.text.count && clauseEnd - m.end < 16 && !TextNormalizer.isSeparator(h.text[clauseEnd]) {
                clauseEnd += 1
            }
            let proposes = h.hits.contains { $0.kind == .proposalVerb && $0.start >= m.end && $0.end <= clauseEnd }
            if proposes || h.has(.wishfulEnding) { return (false, factEnd) }
        }
        return nil
    }
}
