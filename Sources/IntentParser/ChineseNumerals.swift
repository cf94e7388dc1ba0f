/// Chinese numerals as numbers: the digit map is structure of the language,
/// not vocabulary, so it lives here rather than in the lexicon.
enum ChineseNumerals {
    /// Value of a digit character (零〇 → 0 … 九 → 9, 两 → 2).
    static func digit(_ s: Unicode.Scalar) -> Int? {
        switch s {
        case "零", "〇": return 0
        case "一": return 1
        case "二", "两": return 2
        case "三": return 3
        case "四": return 4
        case "五": return 5
        case "六": return 6
        case "七": return 7
        case "八": return 8
        case "九": return 9
        default: return nil
        }
    }

    /// Multiplier of a unit character (十 → 10, 百 → 100, 千 → 1000).
    static func unit(_ s: Unicode.Scalar) -> Int? {
        switch s {
        case "十": return 10
        case "百": return 100
        case "千": return 1000
        default: return nil
        }
    }

    /// True for any character that can be part of a Chinese number.
    static func isNumeral(_ s: Unicode.Scalar) -> Bool {
        digit(s) != nil || unit(s) != nil
    }

    /// The digits of a numeral run: positional (十二 → "12", 一百零二 → "102")
    /// or digit by digit when it has no unit (四零二 → "402").
    static func digits(of run: ArraySlice<Unicode.Scalar>) -> String? {
        guard !run.isEmpty else { return nil }
        if !run.contains(where: { unit($0) != nil }) {
            var out = ""
            for s in run {
                guard let d = digit(s) else { return nil }
                out.append(Character(Unicode.Scalar(UInt8(48 + d))))
            }
            return out
        }
        var total = 0
        var pending = 0
        var sawDigit = false
        for s in run {
            if let d = digit(s) {
                pending = d
                sawDigit = true
            } else if let u = unit(s) {
                // 十二: a unit with no digit before it counts as one of it
                total += (sawDigit ? pending : 1) * u
                pending = 0
                sawDigit = false
            } else {
                return nil
            }
        }
        total += pending
        return String(total)
    }
}
