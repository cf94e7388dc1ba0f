import Testing

@testable import IntentParser

@Suite("Normaliser")
struct NormalizerTests {
    let p = Fixtures.parser

    /// Full-width ASCII becomes half-width (＃１２ → #12) and upper case lower.
    @Test func fullWidth() {
        #expect(p.normalized("＃１２ ＯＫ") == "#12 ok")
    }

    /// A numeral before a building counter: 十二栋 → 12栋.
    @Test func numeralBeforeCounter() {
        #expect(p.normalized("十二栋") == "12栋")
        #expect(p.normalized("二十四单") == "24单")
    }

    /// A numeral after 第 is an ordinal number: 第二十四单 → 第24单.
    @Test func ordinal() {
        #expect(p.normalized("第二十四单我认了") == "第24单我认了")
    }

    /// Digit-by-digit numbers (room codes): 四零二 → 402.
    @Test func digitByDigit() {
        #expect(p.normalized("四零二室") == "402室")
        #expect(p.normalized("住在一零一") == "住在101")
    }

    /// 两 counts as 2 before a counter: 两个 → 2个.
    @Test func liang() {
        #expect(p.normalized("两个垃圾桶") == "2个垃圾桶")
    }

    /// 十九号 → 19号 (item numbers written in Chinese).
    @Test func haoNumber() {
        #expect(p.normalized("十九号我来跑一趟") == "19号我来跑一趟")
    }

    /// Numerals inside words stay words: 一下, 一直, 这一单.
    @Test func numeralWordsKept() {
        #expect(p.normalized("看一下 一直 这一单") == "看一下 一直 这一单")
    }

    /// Traditional characters of lexicon words are simplified (龍西小區 → 龙西小区).
    @Test func traditional() {
        #expect(p.normalized("龍西小區8棟井蓋壞了") == "龙西小区8栋井盖坏了")
    }

    /// Emoji and WeChat text emoji ([玫瑰]) are dropped.
    @Test func decorationDropped() {
        #expect(p.normalized("好的👍[玫瑰][强]") == "好的")
        #expect(p.normalized("辛苦了🐝❤️") == "辛苦了")
    }

    /// ✅ / 👌 right after an item number are kept as a done mark, not as text.
    @Test func doneEmojiMarked() {
        let n = p.normalizer.normalize("#19 ✅")
        #expect(n.string == "#19")
        #expect(n.doneMarks == [3])
    }

    /// Repeated punctuation collapses (！！ → !, ？？ → ?).
    @Test func punctuationCollapsed() {
        #expect(p.normalized("井盖没了！！！快来？？") == "井盖没了!快来?")
    }

    /// Voice fillers are dropped: 嗯 anywhere, 那个/就是 at the start.
    @Test func fillers() {
        #expect(p.normalized("那个那个龙西小区嗯井盖") == "龙西小区井盖")
        #expect(p.normalized("就是平东小区9栋") == "平东小区9栋")
    }

    /// Misspellings listed as variants are rewritten (垃级桶 → 垃圾桶).
    @Test func variants() {
        #expect(p.normalized("森工的垃级桶倒了") == "森工的垃圾桶倒了")
    }

    /// @mentions name a person to notify and are dropped.
    @Test func mentions() {
        #expect(p.normalized("@武书记 18号单我来处理") == "18号单我来处理")
    }

    /// Chinese numerals with units: positional value (一百零二 → 102, 十 → 10).
    @Test func numeralValues() {
        #expect(ChineseNumerals.digits(of: Array("一百零二".unicodeScalars)[...]) == "102")
        #expect(ChineseNumerals.digits(of: Array("十".unicodeScalars)[...]) == "10")
        #expect(ChineseNumerals.digits(of: Array("三十五".unicodeScalars)[...]) == "35")
    }
}
