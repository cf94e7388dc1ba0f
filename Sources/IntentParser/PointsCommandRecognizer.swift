/// Recognises the points commands that open a message — "采纳 #15", "兑换 @叶强 洗衣液", "捐赠 20" —
/// and the board a leaderboard question names ("社情民意积分榜"), from the cue table's hits like the
/// other recognisers (words in config/lexicon.yaml). Each command word counts only at the start of a
/// short message with what it needs after it, so a notice that mentions 兑换 or a wish asking for 捐赠
/// stays what it is.
struct PointsCommandRecognizer: Sendable {
    /// What may follow a donation's amount, normalised; "" for a bare number.
    let donateUnits: Set<String>

    /// Longest messages the commands and a board question are read in (characters that are not spaces).
    static let commandLength = 24
    static let questionLength = 12
    /// A donation amount has at most this many digits.
    static let amountDigits = 6

    init(lexicon: Lexicon, normalizer: TextNormalizer) {
        donateUnits = Set(
            [""] + lexicon.commands.donateUnits.map { String(String.UnicodeScalarView(normalizer.normalizePhrase($0))) }
        )
    }

    /// What the message asks of the points, or nil when it is not a points command.
    func recognize(_ ctx: MessageContext, written: NormalizedText) -> ParseResult? {
        let text = ctx.hits.text
        var start = 0
        while start < text.count && TextNormalizer.isSeparator(text[start]) { start += 1 }
        if let board = board(ctx) {
            return ParseResult(intent: .query, query: .leaderboard, points: PointsRequest(board: board))
        }
        guard ctx.contentLength <= Self.commandLength, !ctx.isQuestion else { return nil }
        func opening(_ kind: CueKind) -> CueHits.Hit? { ctx.hits.all(kind).first { $0.start == start } }
        if opening(.adopt) != nil, ctx.ref != nil || ctx.role == .secretary {
            return ParseResult(intent: .verify, itemRef: ctx.ref, directive: .adopt, confidence: 0.9)
        }
        if let donate = opening(.donate), let amount = amount(text[donate.end...]) {
            return ParseResult(
                intent: .chitchat, directive: .donate, points: PointsRequest(amount: amount), confidence: 0.9)
        }
        if let exchange = opening(.exchange), let order = order(written.written(after: exchange.end)) {
            return ParseResult(intent: .chitchat, directive: .exchange, points: order, confidence: 0.9)
        }
        return nil
    }

    /// The board a short leaderboard question names.
    private func board(_ ctx: MessageContext) -> PointsBoardName? {
        guard ctx.hits.has(.leaderboard), ctx.contentLength <= Self.questionLength || ctx.isQuestion else {
            return nil
        }
        if ctx.hits.has(.reportsBoard) { return .reports }
        if ctx.hits.has(.serviceBoard) { return .service }
        return nil
    }

    /// "20", "20分", "20 积分": a whole positive amount and nothing else after the command word.
    private func amount(_ rest: ArraySlice<Unicode.Scalar>) -> Int? {
        let trimmed = rest.drop { TextNormalizer.isSeparator($0) }
        let digits = trimmed.prefix { TextNormalizer.isDigit($0) }
        guard !digits.isEmpty, digits.count <= Self.amountDigits else { return nil }
        var unit = String.UnicodeScalarView()
        unit.append(contentsOf: trimmed.dropFirst(digits.count).filter { !TextNormalizer.isSeparator($0) })
        guard donateUnits.contains(String(unit)) else { return nil }
        var number = String.UnicodeScalarView()
        number.append(contentsOf: digits)
        guard let value = Int(String(number)), value > 0 else { return nil }
        return value
    }

    /// "@叶强 洗衣液" or "叶强 洗衣液", as written after the exchange word.
    private func order(_ rest: String) -> PointsRequest? {
        let trimmed = rest.drop { $0.isWhitespace }
        let named = trimmed.first == "@" || trimmed.first == "＠" ? trimmed.dropFirst() : trimmed
        let stops: Set<Character> = [" ", "\u{3000}", ",", "，", ":", "：", "\n"]
        let member = named.prefix { !stops.contains($0) }
        var goods = named.dropFirst(member.count).drop { stops.contains($0) || $0.isWhitespace }
        while let last = goods.last, stops.contains(last) || last.isWhitespace || last == "。" {
            goods = goods.dropLast()
        }
        guard !member.isEmpty, !goods.isEmpty else { return nil }
        return PointsRequest(member: String(member), goods: String(goods))
    }
}
