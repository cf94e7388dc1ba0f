import Foundation
import IntentParser

/// The metrics of `tools/score_parse.py`, computed the same way (NFKC, estates without a trailing
/// 小区, numbers without leading zeros), so `fengchao train --report` prints what the scorer would.
public struct CorpusScore: Sendable {
    public var count = 0
    /// One line per message with a wrong field: id, text and what was wrong.
    public var errors: [String] = []
    public init() {}
    public var intentCorrect = 0
    var truePositives: [String: Int] = [:]
    var falsePositives: [String: Int] = [:]
    var falseNegatives: [String: Int] = [:]
    public var category = (ok: 0, total: 0)
    public var estate = (ok: 0, total: 0)
    public var building = (ok: 0, total: 0)
    public var itemRef = (ok: 0, total: 0)
    public var query = (ok: 0, total: 0)

    public static let intents = [
        "report", "wish", "suggestion", "claim", "release", "complete", "verify", "escalate", "register", "query",
        "chitchat",
    ]

    public mutating func add(_ message: LabelledMessage, _ predicted: ParseResult) {
        let gold = message.expected
        var wrong: [String] = []
        defer {
            if !wrong.isEmpty {
                errors.append("\(message.id) \(message.text.prefix(40)) → \(wrong.joined(separator: "; "))")
            }
        }
        count += 1
        let gi = gold.intent
        let pi = predicted.intent.rawValue
        if gi == pi {
            intentCorrect += 1
            truePositives[gi, default: 0] += 1
        } else {
            falseNegatives[gi, default: 0] += 1
            falsePositives[pi, default: 0] += 1
            wrong.append("intent \(pi) != \(gi)")
        }
        // A field counts when the gold label has it; `same` compares the way the scorer does.
        func tally(
            _ field: WritableKeyPath<CorpusScore, (ok: Int, total: Int)>, _ name: String, gold: String?,
            predicted: String?, same: (String?, String?) -> Bool = { $0 == $1 }
        ) {
            guard let gold else { return }
            self[keyPath: field].total += 1
            if same(predicted, gold) {
                self[keyPath: field].ok += 1
            } else {
                wrong.append("\(name) \(predicted ?? "nil") != \(gold)")
            }
        }
        if gi == "report" {
            tally(
                \.category, "category", gold: gold.category ?? "nil", predicted: predicted.category?.rawValue ?? "nil")
        }
        tally(\.estate, "estate", gold: gold.location?.estate, predicted: predicted.place?.estate) {
            Self.estate($0) == Self.estate($1)
        }
        tally(\.building, "building", gold: gold.location?.building, predicted: predicted.place?.building) {
            Self.number($0) == Self.number($1)
        }
        tally(\.itemRef, "item_ref", gold: gold.itemRef.map(String.init), predicted: predicted.itemRef.map(String.init))
        if gi == "query" {
            query.total += 1
            if predicted.query?.rawValue == gold.query { query.ok += 1 }
        }
    }

    public func precision(_ i: String) -> Double? {
        let tp = truePositives[i, default: 0]
        let all = tp + falsePositives[i, default: 0]
        return all == 0 ? nil : Double(tp) / Double(all)
    }

    public func recall(_ i: String) -> Double? {
        let tp = truePositives[i, default: 0]
        let all = tp + falseNegatives[i, default: 0]
        return all == 0 ? nil : Double(tp) / Double(all)
    }

    public func f1(_ i: String) -> Double? {
        guard let r = recall(i) else { return nil }
        let p = precision(i) ?? 0
        return truePositives[i, default: 0] == 0 ? 0 : 2 * p * r / (p + r)
    }

    public var macroF1: Double? {
        let f = Self.intents.compactMap(f1)
        return f.isEmpty ? nil : f.reduce(0, +) / Double(f.count)
    }

    public static func rate(_ x: (ok: Int, total: Int)) -> Double? {
        x.total == 0 ? nil : Double(x.ok) / Double(x.total)
    }

    /// Mean of intent macro-F1 and the category, estate, building and item_ref accuracies.
    public var score: Double {
        let parts = [macroF1, Self.rate(category), Self.rate(estate), Self.rate(building), Self.rate(itemRef)]
            .compactMap { $0 }
        return parts.isEmpty ? .nan : parts.reduce(0, +) / Double(parts.count)
    }

    public var intentAccuracy: Double { count == 0 ? .nan : Double(intentCorrect) / Double(count) }

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
        if !t.isEmpty && t.allSatisfy(\.isASCII) && t.allSatisfy(\.isNumber) {
            t = String(t.drop { $0 == "0" })
            if t.isEmpty { t = "0" }
        }
        return t
    }

    /// The scorer's summary lines.
    public var summary: String {
        func f(_ x: Double?) -> String { x.map { String(format: "%.3f", $0) } ?? "n/a" }
        var out = "items \(count)  intent accuracy \(f(intentAccuracy))  intent macro-F1 \(f(macroF1))\n"
        out +=
            "category \(f(Self.rate(category))) (\(category.ok)/\(category.total))  estate \(f(Self.rate(estate))) (\(estate.ok)/\(estate.total))  "
        out +=
            "building \(f(Self.rate(building))) (\(building.ok)/\(building.total))  item_ref \(f(Self.rate(itemRef))) (\(itemRef.ok)/\(itemRef.total))  "
        out += "query \(f(Self.rate(query))) (\(query.ok)/\(query.total))\n"
        out += "intent        P      R     F1  gold\n"
        for i in Self.intents
        where truePositives[i, default: 0] + falseNegatives[i, default: 0] + falsePositives[i, default: 0] > 0 {
            let gold = truePositives[i, default: 0] + falseNegatives[i, default: 0]
            out +=
                i.padding(toLength: 11, withPad: " ", startingAt: 0)
                + " \(f(precision(i)))  \(f(recall(i)))  \(f(f1(i)))  \(gold)\n"
        }
        out += "score: \(f(score))\n"
        return out
    }
}
