import Foundation

@testable import IntentParser

/// The metrics of tools/score_parse.py, computed the same way (NFKC, estates
/// without a trailing 小区, numbers without leading zeros), so the corpus test
/// asserts what the real scorer would print.
struct CorpusScorer {
    struct Item {
        var id: String
        var text: String
        var gold: [String: Any]
        var predicted: ParseResult
    }

    var intentMacroF1 = 0.0
    var intentAccuracy = 0.0
    var categoryAccuracy = 0.0
    var estateAccuracy = 0.0
    var buildingAccuracy = 0.0
    var itemRefAccuracy = 0.0
    var score = 0.0
    var errors: [String] = []

    static func norm(_ s: String?) -> String? {
        guard let s else { return nil }
        let t = s.precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespacesAndNewlines)
        return t.isEmpty ? nil : t
    }

    static func estate(_ s: String?) -> String? {
        guard var t = norm(s) else { return nil }
        t = t.filter { !$0.isWhitespace }
        if t.hasSuffix("小区") && t.count > 2 { t.removeLast(2) }
        return t.isEmpty ? nil : t
    }

    static func number(_ s: String?) -> String? {
        guard var t = norm(s) else { return nil }
        t = t.filter { !$0.isWhitespace }
        if !t.isEmpty && t.allSatisfy({ $0.isASCII && $0.isNumber }) {
            while t.count > 1 && t.hasPrefix("0") { t.removeFirst() }
        }
        return t
    }

    init(_ items: [Item]) {
        let intents = Intent.allCases.map(\.rawValue)
        var tp: [String: Int] = [:], fp: [String: Int] = [:], fn: [String: Int] = [:]
        var ok = 0, catN = 0, catOK = 0, estN = 0, estOK = 0, bN = 0, bOK = 0, refN = 0, refOK = 0
        for item in items {
            let gi = item.gold["intent"] as? String ?? ""
            let pi = item.predicted.intent.rawValue
            var wrong: [String] = []
            if pi == gi {
                ok += 1
                tp[gi, default: 0] += 1
            } else {
                fn[gi, default: 0] += 1
                fp[pi, default: 0] += 1
                wrong.append("intent \(pi) != \(gi)")
            }
            if gi == "report" {
                catN += 1
                let gc = item.gold["category"] as? String
                if item.predicted.category?.rawValue == gc { catOK += 1 } else { wrong.append("category \(item.predicted.category?.rawValue ?? "nil") != \(gc ?? "nil")") }
            }
            let gl = item.gold["location"] as? [String: Any] ?? [:]
            let pl = item.predicted.place
            if let ge = gl["estate"] as? String {
                estN += 1
                if Self.estate(pl?.estate) == Self.estate(ge) { estOK += 1 } else { wrong.append("estate \(pl?.estate ?? "nil") != \(ge)") }
            }
            if let gb = gl["building"] as? String {
                bN += 1
                if Self.number(pl?.building) == Self.number(gb) { bOK += 1 } else { wrong.append("building \(pl?.building ?? "nil") != \(gb)") }
            }
            if let gr = item.gold["item_ref"] as? Int {
                refN += 1
                if item.predicted.itemRef == gr { refOK += 1 } else { wrong.append("item_ref \(item.predicted.itemRef.map(String.init) ?? "nil") != \(gr)") }
            }
            if !wrong.isEmpty { errors.append("\(item.id) \(item.text): " + wrong.joined(separator: "; ")) }
        }
        var f1s: [Double] = []
        for lab in intents where tp[lab, default: 0] + fn[lab, default: 0] > 0 {
            let t = Double(tp[lab, default: 0])
            if t == 0 {
                f1s.append(0)
                continue
            }
            let p = t / (t + Double(fp[lab, default: 0]))
            let r = t / (t + Double(fn[lab, default: 0]))
            f1s.append(2 * p * r / (p + r))
        }
        func ratio(_ a: Int, _ b: Int) -> Double? { b == 0 ? nil : Double(a) / Double(b) }
        intentMacroF1 = f1s.isEmpty ? 0 : f1s.reduce(0, +) / Double(f1s.count)
        intentAccuracy = ratio(ok, items.count) ?? 0
        categoryAccuracy = ratio(catOK, catN) ?? 0
        estateAccuracy = ratio(estOK, estN) ?? 0
        buildingAccuracy = ratio(bOK, bN) ?? 0
        itemRefAccuracy = ratio(refOK, refN) ?? 0
        let parts = [f1s.isEmpty ? nil : intentMacroF1, ratio(catOK, catN), ratio(estOK, estN), ratio(bOK, bN), ratio(refOK, refN)].compactMap { $0 }
        score = parts.isEmpty ? 0 : parts.reduce(0, +) / Double(parts.count)
    }

    /// Parses a corpus file in the shared format and scores it.
    static func run(_ fixture: String, parser: IntentParser) throws -> CorpusScorer {
        let items = try Fixtures.jsonLines(fixture).map { o -> Item in
            let input = ParserInput(text: o["text"] as? String ?? "",
                                    senderRole: SenderRole(rawValue: o["sender_role"] as? String ?? "") ?? .unknown,
                                    attachments: Fixtures.attachments(o["attachments"]))
            return Item(id: o["id"] as? String ?? "", text: input.text, gold: o["expected"] as? [String: Any] ?? [:],
                        predicted: parser.parse(input))
        }
        return CorpusScorer(items)
    }
}
