/// Splits a WeChat quote-reply before anything else reads the text, so the quote and the reply are
/// normalised and scanned as two separate texts and a position in one can never index the other.
///
/// Layouts: 「#12 龙西小区井盖松了」完成了 (nested quotes match their own brackets; an unclosed
/// quote runs to the last 」); the phone layout "quoted text, a dashed line, reply"; and
/// "回复 叶强：quoted line" followed by the reply on the next line ("回复 叶强：我来" on one line is a
/// reply with nothing quoted).
enum QuoteSplitter {
    struct Parts: Sendable, Equatable {
        /// The quoted text (nil when the message quotes nothing).
        var quote: String?
        /// Everything outside the quote.
        var reply: String
    }

    static func split(_ text: String) -> Parts {
        let t = Array(text.unicodeScalars)
        if let parts = bracketed(t) ?? replyPrefixed(t) ?? dashed(t) { return parts }
        return Parts(quote: nil, reply: text)
    }

    /// 「…」 with nesting.
    private static func bracketed(_ t: [Unicode.Scalar]) -> Parts? {
        guard let open = t.firstIndex(of: "「") else { return nil }
        var depth = 0
        var close: Int?
        for i in open..<t.count {
            if t[i] == "「" {
                depth += 1
            } else if t[i] == "」" {
                depth -= 1
                if depth == 0 {
                    close = i
                    break
                }
            }
        }
        guard let close = close ?? t.lastIndex(of: "」"), close > open else { return nil }
        var reply = Array(t[..<open])
        let after = dropDashLine(t[(close + 1)...])
        if !reply.isEmpty && !after.isEmpty { reply.append(" ") }
        reply.append(contentsOf: after)
        return Parts(quote: string(t[(open + 1)..<close]), reply: string(reply[...]))
    }

    /// "回复 叶强：…" or "回复@叶强:…".
    private static func replyPrefixed(_ t: [Unicode.Scalar]) -> Parts? {
        var i = 0
        while i < t.count && isBlank(t[i]) { i += 1 }
        guard i + 2 < t.count, t[i] == "回", t[i + 1] == "复" else { return nil }
        i += 2
        while i < t.count && (isBlank(t[i]) || t[i] == "@") { i += 1 }
        let nameStart = i
        while i < t.count && i - nameStart <= 20 && t[i] != ":" && t[i] != "：" && !isLineBreak(t[i]) { i += 1 }
        guard i < t.count, i > nameStart, t[i] == ":" || t[i] == "：" else { return nil }
        let body = t[(i + 1)...]
        guard let newline = body.firstIndex(where: isLineBreak) else { return Parts(quote: nil, reply: string(body)) }
        return Parts(quote: string(body[..<newline]), reply: string(dropDashLine(t[(newline + 1)...])))
    }

    /// "quoted text - - - - - reply": a run of at least three dashes (spaces between allowed).
    private static func dashed(_ t: [Unicode.Scalar]) -> Parts? {
        var dashes = 0
        var runStart = 0
        for (i, s) in t.enumerated() {
            if isDash(s) {
                if dashes == 0 { runStart = i }
                dashes += 1
            } else if !isBlank(s) {
                if dashes >= 3 { return Parts(quote: string(t[..<runStart]), reply: string(t[i...])) }
                dashes = 0
            }
        }
        return nil
    }

    /// The reply after a quote often starts with the dashed line WeChat draws under it.
    private static func dropDashLine(_ s: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        var rest = s
        while let first = rest.first, isBlank(first) || isDash(first) { rest = rest.dropFirst() }
        return rest
    }

    private static func isDash(_ s: Unicode.Scalar) -> Bool {
        s == "-" || s == "－" || s == "—" || s == "–" || s == "―" || s == "−"
    }

    private static func isLineBreak(_ s: Unicode.Scalar) -> Bool {
        s == "\n" || s == "\r" || s == "\u{2028}" || s == "\u{85}"
    }

    private static func isBlank(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\u{3000}" || s == "\u{A0}" || isLineBreak(s)
    }

    private static func string(_ s: ArraySlice<Unicode.Scalar>) -> String {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: s)
        return String(v)
    }
}
