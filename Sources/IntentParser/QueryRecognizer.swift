/// Recognises questions to the bot: points, leaderboard, todo, item status
/// (with or without a number) and help. Query words only count in a short
/// message or a question, so "建议积分榜每月清零" or the secretary's
/// "本周积分兑换时间是周五" stay what they are.
struct QueryRecognizer: Sendable {
    let shortLength: Int

    /// Result of a recognised query.
    struct Query: Sendable, Equatable {
        var kind: QueryKind
        var itemRef: Int?
        var confidence: Double
    }

    /// A status question ("#12 修好了吗") beats the completion word inside it; checked before commands.
    func statusQuestion(_ ctx: MessageContext) -> Query? {
        let h = ctx.hits
        guard ctx.endsAsQuestion, !h.unnegated(.itemStatus).isEmpty || (ctx.ref != nil && h.has(.itemStatusWithRef))
        else {
            return nil
        }
        if ctx.ref == nil && !h.has(.ownReport) && (ctx.contentLength > 16 || (h.has(.category) && h.has(.fault))) {
            return nil
        }
        return Query(kind: .itemStatus, itemRef: ctx.ref, confidence: 0.85)
    }

    func recognize(_ ctx: MessageContext) -> Query? {
        let h = ctx.hits
        if h.has(.suggestionCue) { return nil }
        let length = ctx.contentLength
        let short = length <= shortLength
        let asks = ctx.isQuestion || short
        // "周报" asks only as (almost) the whole message: "我上周报的井盖" is about a report.
        if let report = h.first(.weekReport), length <= report.length + 4, !h.has(.ownReport) {
            return Query(kind: .weekReport, confidence: 0.85)
        }
        if h.has(.yearlyDuty) && asks { return Query(kind: .yearlyDuty, confidence: 0.9) }
        // The secretary's notices mention points and rankings; only a bare query word ("积分榜") asks.
        if ctx.role == .secretary && !ctx.isQuestion && length > 4 { return nil }

        if let help = h.first(.help), asks || length <= help.length + 6 {
            return Query(kind: .help, confidence: 0.9)
        }
        if let help = h.first(.helpShort), length <= help.length + 3 {
            return Query(kind: .help, confidence: 0.85)
        }
        if h.has(.leaderboard) && asks { return Query(kind: .leaderboard, confidence: 0.9) }
        if h.has(.points) && asks { return Query(kind: .points, confidence: 0.9) }
        if h.has(.pointsShort) && short { return Query(kind: .points, confidence: 0.8) }
        if !h.unnegated(.todo).isEmpty && asks { return Query(kind: .todo, confidence: 0.85) }
        let status = h.unnegated(.itemStatus)
        // "井盖坏了好几天了 有人管吗" is a report that complains, not a status question.
        let describesFault = h.has(.category) && h.has(.fault)
        if !status.isEmpty && (ctx.ref != nil || h.has(.ownReport) || (ctx.isQuestion && !describesFault)) {
            return Query(kind: .itemStatus, itemRef: ctx.ref, confidence: ctx.ref != nil ? 0.9 : 0.75)
        }
        if ctx.ref != nil && h.has(.itemStatusWithRef) {
            return Query(kind: .itemStatus, itemRef: ctx.ref, confidence: 0.8)
        }
        return nil
    }
}
