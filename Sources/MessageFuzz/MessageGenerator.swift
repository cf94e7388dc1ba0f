import IntentParser

/// Generates chat messages meant to break a text parser: the parser's own vocabulary mixed with
/// item numbers in every written form, WeChat quote layouts (nested, unclosed, longer than the
/// reply), emoji sequences, control and zero-width characters and random scalars from every plane.
/// Deterministic for a seed, so `message(at:)` replays any failing input.
public struct MessageGenerator: Sendable {
    public let vocabulary: FuzzVocabulary
    public let seed: UInt64
    /// Longest message in scalars.
    public let maxLength: Int

    public init(vocabulary: FuzzVocabulary, seed: UInt64, maxLength: Int = 2_000) {
        self.vocabulary = vocabulary
        self.seed = seed
        self.maxLength = max(1, maxLength)
    }

    /// The message number `index`: a pure function of the seed and the index.
    public func message(at index: Int) -> String {
        var rng = SplitMix64(seed: seed ^ (UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15))
        let target = length(&rng)
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(target)
        while out.count < target {
            for s in piece(&rng).unicodeScalars where out.count < target { out.append(s) }
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: out)
        return String(view)
    }

    /// Mostly short, like chat; one in a hundred up to the length limit.
    private func length(_ rng: inout SplitMix64) -> Int {
        switch Int.random(in: 0..<100, using: &rng) {
        case 0: return Int.random(in: 0...maxLength, using: &rng)
        case 1..<10: return Int.random(in: 0...min(300, maxLength), using: &rng)
        default: return Int.random(in: 0...min(40, maxLength), using: &rng)
        }
    }

    private func piece(_ rng: inout SplitMix64) -> String {
        switch Int.random(in: 0..<20, using: &rng) {
        case 0..<6: return vocabulary.words.randomElement(using: &rng) ?? ""
        case 6, 7: return number(&rng)
        case 8: return quote(&rng)
        case 9: return Self.layouts.randomElement(using: &rng) ?? ""
        case 10: return Self.emoji.randomElement(using: &rng) ?? ""
        case 11: return String(Self.invisible.randomElement(using: &rng) ?? " ")
        case 12: return String(Self.punctuation.randomElement(using: &rng) ?? " ")
        case 13: return randomScalar(&rng)
        case 14:
            return String(
                repeating: Self.punctuation.randomElement(using: &rng) ?? "-",
                count: Int.random(in: 2...12, using: &rng))
        default: return Self.cjk.randomElement(using: &rng).map(String.init) ?? ""
        }
    }

    private func number(_ rng: inout SplitMix64) -> String {
        let n = Int.random(in: 0...99_999_999, using: &rng) >> Int.random(in: 0...26, using: &rng)
        let digits = String(n)
        switch Int.random(in: 0..<8, using: &rng) {
        case 0: return "#" + digits
        case 1: return "＃" + fullWidth(digits)
        case 2: return digits + ["号", "号单", "号楼", "栋", "单元", "室", "-", "."].randomElement(using: &rng)!
        case 3: return "第" + digits + ["单", "号", ""].randomElement(using: &rng)!
        case 4: return "编号" + digits
        case 5: return ["一", "十二", "二十三", "一百零五", "两", "十", "〇", "零"].randomElement(using: &rng)!
        case 6: return digits + "-" + String(n % 10) + "-" + String(n % 1000)
        default: return digits
        }
    }

    private func fullWidth(_ s: String) -> String {
        var v = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            v.append(Unicode.Scalar(u.value + 0xFEE0) ?? u)
        }
        return String(v)
    }

    /// A WeChat quote-reply in one of its layouts, sometimes broken or nested.
    private func quote(_ rng: inout SplitMix64) -> String {
        let inner = (0..<Int.random(in: 0...6, using: &rng)).map { _ in piece(&rng) }.joined()
        switch Int.random(in: 0..<7, using: &rng) {
        case 0: return "「" + inner + "」"
        case 1: return "「叶强：" + inner + "」\n- - - - - - - - - - - - - - -\n"
        case 2: return "「" + inner
        case 3: return inner + "」"
        case 4: return "「「" + inner + "」" + inner + "」"
        case 5: return "回复 叶强：" + inner + "\n"
        default: return inner + "\n----\n"
        }
    }

    private func randomScalar(_ rng: inout SplitMix64) -> String {
        while true {
            let v: UInt32
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: v = UInt32.random(in: 0...0x7F, using: &rng)
            case 1: v = UInt32.random(in: 0x80...0xFFFF, using: &rng)
            case 2: v = UInt32.random(in: 0x1_0000...0x2_FFFF, using: &rng)
            default: v = UInt32.random(in: 0...0x10_FFFF, using: &rng)
            }
            if let s = Unicode.Scalar(v) { return String(s) }
        }
    }

    private static let layouts = [
        "\n----\n", "- - - - - - - - -", "\n", "\r\n", "回复 叶强：", "回复@张三:", "@所有人 ", "[图片]", "[语音]",
        "【", "】", "《", "》", "（", "）", "“", "”", "#", "＃", "号", "第", "单", "：", ":", "——",
    ]
    private static let emoji = [
        "✅", "👌", "👍", "🙏", "😂", "🐝", "🏆", "🚧", "⚠️", "👨‍👩‍👧‍👦", "🇨🇳", "👍🏽", "❤️", "1️⃣", "#️⃣", "☑️", "✔️", "✔", "🆗",
    ]
    private static let invisible: [Character] = [
        "\u{0}", "\u{1}", "\u{7}", "\u{8}", "\t", "\u{B}", "\u{C}", "\u{1B}", "\u{7F}", "\u{85}", "\u{A0}", "\u{200B}",
        "\u{200C}", "\u{200D}", "\u{200E}", "\u{202E}", "\u{2028}", "\u{2060}", "\u{3000}", "\u{FEFF}", "\u{FFFD}",
        "\u{301}", "\u{FE0F}",
    ]
    private static let punctuation: [Character] = [
        "-", "—", "－", "。", "，", "！", "？", "!", "?", ".", ",", " ", "　", "、", "~", "…", "「", "」", "『", "』", "#",
    ]
    private static let cjk: [Character] = Array("的了我来这个单号楼栋井盖坏破垃圾认领完成验收退回上报街道报到积分榜帮忙谢谢心愿小区门口路灯不亮已修好麻烦")
}
