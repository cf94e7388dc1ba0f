/// Splits a WeChat quote-reply: 「#12 龙西小区井盖松了」完成了 — the quote names
/// the item, the reply carries the intent. Also handles the "quote, dashed line,
/// reply" layout of WeChat on phones.
enum QuoteSplitter {
    struct Parts: Sendable {
        /// The quoted text (nil when the message quotes nothing).
        var quote: [Unicode.Scalar]?
        /// Everything outside the quote.
        var reply: [Unicode.Scalar]
    }

    static func split(_ t: [Unicode.Scalar]) -> Parts {
        if let open = t.firstIndex(of: "「"), let close = t[(open + 1)...].firstIndex(of: "」") {
            var reply = Array(t[..<open])
            if !reply.isEmpty && close + 1 < t.count { reply.append(" ") }
            reply.append(contentsOf: t[(close + 1)...])
            return Parts(quote: Array(t[(open + 1)..<close]), reply: trim(reply))
        }
        // "quoted text - - - - - reply": a run of at least three dashes
        var dashes = 0
        var runStart = -1
        for (i, s) in t.enumerated() {
            if s == "-" {
                if dashes == 0 { runStart = i }
                dashes += 1
            } else if s != " " {
                if dashes >= 3 {
                    return Parts(quote: trim(Array(t[..<runStart])), reply: trim(Array(t[i...])))
                }
                dashes = 0
            }
        }
        return Parts(quote: nil, reply: t)
    }

    private static func trim(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var a = s[...]
        while a.first == " " { a = a.dropFirst() }
        while a.last == " " { a = a.dropLast() }
        return Array(a)
    }
}
