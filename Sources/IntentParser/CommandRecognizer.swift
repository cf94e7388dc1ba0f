/// Recognises the board commands — register, release, escalate, verify,
/// complete, claim — from command words, the item number and the sender's role
/// ("完成" from a member completes; "验收/通过" from the secretary verifies).
struct CommandRecognizer: Sendable {
    let names: RegisterNameExtractor

    /// Hits of these kinds that contain a shorter command word make that word not count ("取消认领" is not a claim).
    private static let shadowing: CueKinds = [
        .release, .todo, .ownReport, .verifyRequest, .points, .pointsShort, .leaderboard, .itemStatus, .help,
    ]

    func recognize(_ ctx: MessageContext) -> Command? {
        let h = ctx.hits
        let ref = ctx.ref
        let pointed = ref != nil || h.has(.deictic)
        let secretary = ctx.role == .secretary

        if !live(.register, h).isEmpty {
            return Command(intent: .register, registerName: names.name(in: h), confidence: 0.9)
        }

        let release = live(.release, h)
        if !release.isEmpty && pointed && !secretary {
            return make(.release, ctx, confidence: ref != nil ? 0.9 : 0.7)
        }

        let escalate = live(.escalate, h)
        let targets = h.all(.escalationTarget)
        let verifyHits = live(.verify, h) + live(.verifyReject, h)
        let completeHits = completions(h)
        if (!escalate.isEmpty && (secretary || ref != nil))
            || (!targets.isEmpty && secretary && ref != nil && verifyHits.isEmpty && completeHits.isEmpty)
        {
            var c = make(.escalate, ctx, confidence: ref != nil ? 0.9 : 0.7)
            c.escalationTarget = target(h, targets)
            return c
        }

        let doneMark = ctx.doneMark
        let request = h.has(.verifyRequest)
        if secretary && (!verifyHits.isEmpty || !completeHits.isEmpty || doneMark)
            && (pointed || ctx.contentLength <= 8)
        {
            return verify(ctx)
        }
        // A bare "验收 #12" from someone without the right is still a verify: the board refuses it
        // with a reply, where treating it as chat would leave the sender unanswered.
        if !verifyHits.isEmpty && !request && ref != nil && completeHits.isEmpty
            && (ctx.role == .unknown || ctx.contentLength <= 8)
        {
            return verify(ctx)
        }

        let strong = live(.claimStrong, h)
        // "#45 我认领了 明天弄完": a claim word before the completion word makes it a plan, not a report of work done.
        let claimedFirst =
            strong.contains { s in completeHits.allSatisfy { s.start < $0.start } } && !doneMark && !request
        if (!completeHits.isEmpty || doneMark || request) && pointed && !claimedFirst {
            return make(.complete, ctx, confidence: ref != nil ? 0.9 : 0.65)
        }

        let beforeRef = live(.claimBeforeRef, h).filter { hit in
            ctx.refs.contains { r in r.start > hit.end - 1 && r.start <= hit.end + 2 }
        }
        let weak = live(.claimWeak, h)
        let offer = live(.claimSelf, h)
        let object = h.has(.category)
        let fault = h.has(.fault)
        // Without a number, "认领" is a claim only from a member or rider, in a short message or with "这个/这单".
        let strongClaim = !strong.isEmpty && (ref != nil || h.has(.deictic) || (!secretary && ctx.contentLength <= 12))
        // "这个井盖又松了 我来反映一下" describes a fault: an offer without a number must not.
        let weakClaim = !(weak + offer).isEmpty && (ref != nil || (h.has(.deictic) && !fault))
        let offerClaim = !offer.isEmpty && object && !fault
        if !secretary && (strongClaim || !beforeRef.isEmpty || weakClaim || offerClaim) {
            return make(.claim, ctx, confidence: ref != nil ? 0.9 : 0.7)
        }
        // The secretary may take an item too, but only in a plain command ("认领 #12"), not in a notice about a claim.
        if secretary && ref != nil && !strong.isEmpty && ctx.contentLength <= 8 {
            return make(.claim, ctx, confidence: 0.8)
        }
        return nil
    }

    // MARK: - pieces

    /// Unnegated hits of a kind that no longer command word contains.
    private func live(_ kind: CueKind, _ h: CueHits) -> [CueHits.Hit] {
        h.unnegated(kind).filter { hit in
            !h.hits.contains { o in
                Self.shadowing.contains(o.kind) && o.kind != kind && o.start <= hit.start && o.end >= hit.end
                    && o.length > hit.length
            }
        }
    }

    /// Completion words not promised for later ("保证完成任务"), plus resultative endings ("清完了").
    private func completions(_ h: CueHits) -> [CueHits.Hit] {
        let words = live(.complete, h) + h.all(.completeSuffix)
        return words.filter { w in
            !h.hits.contains { $0.kind == .futureMarker && $0.end <= w.start && w.start - $0.end <= 1 }
        }
    }

    private func verify(_ ctx: MessageContext) -> Command {
        var c = make(.verify, ctx, confidence: ctx.ref != nil ? 0.9 : 0.7)
        c.verdict = live(.verifyReject, ctx.hits).isEmpty ? .pass : .reject
        return c
    }

    private func make(_ intent: Intent, _ ctx: MessageContext, confidence: Double) -> Command {
        Command(intent: intent, itemRef: ctx.ref, note: note(ctx), confidence: confidence)
    }

    /// Adjacent target words read as one ("街道" + "综合执法" → "街道综合执法").
    private func target(_ h: CueHits, _ targets: [CueHits.Hit]) -> String? {
        let spans = h.longestNonOverlapping([.escalationTarget])
        guard let first = spans.first else { return nil }
        var end = first.end
        for s in spans.dropFirst() where s.start == end { end = s.end }
        return string(h.text[first.start..<end])
    }

    /// The free text around a command: chunks that are not only command words and item numbers.
    private func note(_ ctx: MessageContext) -> String? {
        let t = ctx.hits.text
        var covered = [Bool](repeating: false, count: t.count)
        let commandKinds: CueKinds = [
            .claimStrong, .claimWeak, .claimSelf, .claimBeforeRef, .release, .complete, .completeSuffix, .verify,
            .verifyReject,
            .verifyRequest, .escalate, .escalationTarget, .deictic, .negation,
        ]
        for hit in ctx.hits.hits where commandKinds.contains(hit.kind) {
            for k in hit.start..<hit.end { covered[k] = true }
        }
        for r in ctx.refs {
            var s = r.start
            while s > 0 && (t[s - 1] == "#" || t[s - 1] == "第" || t[s - 1] == " ") { s -= 1 }
            for k in s..<min(r.tokenEnd, t.count) { covered[k] = true }
            for p in ctx.hits.hits where p.kind == .refPrefix && p.end <= r.start && r.start - p.end <= 1 {
                for k in p.start..<p.end { covered[k] = true }
            }
        }
        var chunks: [String] = []
        var i = 0
        while i < t.count {
            while i < t.count && TextNormalizer.isSeparator(t[i]) { i += 1 }
            var j = i
            while j < t.count && !TextNormalizer.isSeparator(t[j]) { j += 1 }
            if j > i && (i..<j).contains(where: { !covered[$0] && !TextNormalizer.isSeparator(t[$0]) }) {
                chunks.append(string(t[i..<j]))
            }
            i = j
        }
        return chunks.isEmpty ? nil : chunks.joined(separator: " ")
    }

    private func string(_ s: ArraySlice<Unicode.Scalar>) -> String {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: s)
        return String(v)
    }
}
