import Testing

@testable import IntentParser

/// WeChat quote-replies: the quote names the item, the reply carries the intent, and positions found
/// in one part never index the other (the crash of issue 16).
@Suite struct QuoteTests {
    let p = Fixtures.parser

    @Test func quoteWithSeparatorLineIsAClaimOnTheQuotedItem() {
        let r = p.parse("「叶强：龙西小区12栋窨井盖破损 #12」\n----\n我来", .member)
        #expect(r.intent == .claim)
        #expect(r.itemRef == 12)
    }

    @Test func quoteWithoutSeparatorLine() {
        let r = p.parse("「#12 龙西小区井盖松了」这个我来", .member)
        #expect(r.intent == .claim)
        #expect(r.itemRef == 12)
    }

    @Test func replyToNameOnTwoLinesQuotesTheFirstLine() {
        let r = p.parse("回复 叶强：#12 龙西小区井盖松了\n我来", .member)
        #expect(r.intent == .claim)
        #expect(r.itemRef == 12)
        #expect(QuoteSplitter.split("回复 叶强：#12 龙西小区井盖松了\n我来") == .init(quote: "#12 龙西小区井盖松了", reply: "我来"))
    }

    @Test func replyToNameOnOneLineQuotesNothing() {
        #expect(QuoteSplitter.split("回复@叶强:12号我来") == .init(quote: nil, reply: "12号我来"))
        let r = p.parse("回复 叶强：12号我来", .member)
        #expect(r.intent == .claim)
        #expect(r.itemRef == 12)
    }

    /// The crash: the quote's "#12" sat at a position past the end of the two-character reply.
    @Test func quoteMuchLongerThanTheReply() {
        let quote = "叶强：龙西小区12栋2单元门口窨井盖破损 很危险 已经一个多星期了 大家路过注意 #12"
        let r = p.parse("「\(quote)」\n- - - - - - - - - - - - - - -\n我来", .member)
        #expect(r.intent == .claim)
        #expect(r.itemRef == 12)
        #expect(r.note == nil)
    }

    @Test func quoteWithANumberAndAReplyWithAnotherTakesTheQuotes() {
        let r = p.parse("「叶强：龙西小区12栋井盖破损 #12」\n----\n#3 我来", .member)
        #expect(r.intent == .claim)
        #expect(r.itemRef == 12)
    }

    @Test func quoteWithoutANumberTakesTheReplysNumber() {
        let r = p.parse("「叶强：龙西小区12栋井盖破损」\n----\n#3 我来", .member)
        #expect(r.intent == .claim)
        #expect(r.itemRef == 3)
    }

    @Test func nestedQuotesMatchTheirOwnBrackets() {
        let text = "「张三：「叶强：#12 井盖破损」\n----\n我来」\n----\n#12 完成了"
        #expect(QuoteSplitter.split(text) == .init(quote: "张三：「叶强：#12 井盖破损」\n----\n我来", reply: "#12 完成了"))
        let r = p.parse(text, .member)
        #expect(r.intent == .complete)
        #expect(r.itemRef == 12)
        #expect(r.note == "完成了")
    }

    @Test func unclosedAndStrayBracketsDoNotCrash() {
        for text in ["「#12 我来", "我来」#12", "」「", "「」", "「「」", "「#12」」」我来", "回复：", "回复 :", "- - -", "「\n----\n」"] {
            let r = p.parse(text, .member)
            #expect(Intent.allCases.contains(r.intent), "\(text)")
        }
    }

    @Test func aDoneMarkInTheReplyCompletesTheQuotedItem() {
        let r = p.parse("「叶强：龙西小区12栋井盖破损 #12」\n----\n✅", .member)
        #expect(r.intent == .complete)
        #expect(r.itemRef == 12)
    }
}
