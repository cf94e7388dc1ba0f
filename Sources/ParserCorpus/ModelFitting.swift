import Foundation
import IntentParser

/// Fits the three models and the review threshold, and measures them: the steps of `fengchao train`.
public struct ModelFitting: Sendable {
    let rules: IntentParser
    let trainer: Trainer

    public init(rules: IntentParser, trainer: Trainer) {
        self.rules = rules
        self.trainer = trainer
    }

    /// Lost reports allowed on validation when choosing the review threshold (the target is 3 %).
    public static let lostReportBudget = 0.02

    public func fit(train: [CorpusSplits.Line], validation: [CorpusSplits.Line]) -> ParserModel {
        let trainSet = examples(train)
        let validationSet = examples(validation)
        var intent = trainer.train(trainSet.intent, classes: CorpusScore.intents)
        var category = trainer.train(trainSet.category, classes: Category.allCases.map(\.rawValue))
        var query = trainer.train(trainSet.query, classes: QueryKind.allCases.map(\.rawValue))
        intent.temperature = Trainer.fitTemperature(intent, validationSet.intent)
        category.temperature = Trainer.fitTemperature(category, validationSet.category)
        query.temperature = Trainer.fitTemperature(query, validationSet.query)
        var model = ParserModel(intent: intent, category: category, query: query, reviewBelow: 0)
        model.reviewBelow = reviewThreshold(model, validation)
        return model
    }

    /// Examples for the model: messages the rules do not settle structurally (a command or question with an item number).
    public func examples(_ lines: [CorpusSplits.Line]) -> (
        intent: [Trainer.Example], category: [Trainer.Example], query: [Trainer.Example]
    ) {
        var intent: [Trainer.Example] = []
        var category: [Trainer.Example] = []
        var query: [Trainer.Example] = []
        for line in lines {
            let input = line.message.input
            guard !rules.ruleResult(input).structural else { continue }
            let names = rules.featureNames(input)
            let gold = line.message.expected
            intent.append(.init(features: names, label: gold.intent))
            if gold.intent == "report", let c = gold.category { category.append(.init(features: names, label: c)) }
            if gold.intent == "query", let q = gold.query { query.append(.init(features: names, label: q)) }
        }
        return (intent, category, query)
    }

    /// The lowest confidence at which at most `lostReportBudget` of validation reports and wishes
    /// would be taken for chat without review.
    private func reviewThreshold(_ model: ParserModel, _ validation: [CorpusSplits.Line]) -> Double {
        let parser = IntentParser(lexicon: rules.lexicon, gazetteer: rules.gazetteer, model: model)
        let scored = validation.map { (gold: $0.message.expected.intent, result: parser.parse($0.message.input)) }
        let wanted = scored.filter { $0.gold == "report" || $0.gold == "wish" }
        guard !wanted.isEmpty else { return 0.5 }
        var threshold = 0.30
        while threshold < 0.95 {
            let lost = wanted.filter { $0.result.intent == .chitchat && $0.result.confidence >= threshold }.count
            if Double(lost) / Double(wanted.count) <= Self.lostReportBudget { break }
            threshold += 0.01
        }
        return (threshold * 100).rounded() / 100
    }

    public static func score(_ parser: IntentParser, _ lines: [CorpusSplits.Line]) -> CorpusScore {
        var score = CorpusScore()
        for line in lines { score.add(line.message, parser.parse(line.message.input)) }
        return score
    }

    /// Confidence bins: how often the model's decision was right in each (non-structural messages).
    public static func reliability(_ parser: IntentParser, _ lines: [CorpusSplits.Line]) -> String {
        var bins = [(n: Int, right: Int, confidence: Double)](repeating: (0, 0, 0), count: 7)
        for line in lines {
            guard !parser.ruleResult(line.message.input).structural else { continue }
            let r = parser.parse(line.message.input)
            let b = min(6, max(0, Int((r.confidence - 0.3) / 0.1)))
            bins[b].n += 1
            bins[b].confidence += r.confidence
            if r.intent.rawValue == line.message.expected.intent { bins[b].right += 1 }
        }
        var out = "confidence    n   mean conf   accuracy\n"
        for (i, bin) in bins.enumerated() where bin.n > 0 {
            let low = 0.3 + Double(i) * 0.1
            let label = i == 0 ? "< 0.40" : i == 6 ? "≥ 0.90" : String(format: "%.2f–%.2f", low, low + 0.1)
            out +=
                label.padding(toLength: 11, withPad: " ", startingAt: 0)
                + String(
                    format: "%5d   %9.3f   %8.3f\n", bin.n, bin.confidence / Double(bin.n),
                    Double(bin.right) / Double(bin.n))
        }
        return out
    }

    /// Reports and wishes read as chat with a confidence at or above the review threshold.
    public static func lostReports(_ parser: IntentParser, _ lines: [CorpusSplits.Line], label: String) -> String {
        var wanted = 0
        var lost = 0
        var reviewed = 0
        for line in lines where ["report", "wish"].contains(line.message.expected.intent) {
            wanted += 1
            let r = parser.parse(line.message.input)
            if r.needsReview { reviewed += 1 } else if r.intent == .chitchat { lost += 1 }
        }
        let rate = wanted == 0 ? 0 : Double(lost) / Double(wanted)
        return
            "lost-report rate (\(label)): \(lost)/\(wanted) = \(String(format: "%.3f", rate)); \(reviewed) sent to review"
    }

    /// k-fold cross-validation of the whole pipeline, folds made of whole sources and voices. Only the
    /// groups of `heldOut` lines are ever tested (each in one fold); the other groups always train, so
    /// `heldOut: \.message.isReal` measures real messages from pages the model never read.
    public func crossValidate(
        _ lines: [CorpusSplits.Line], folds: Int, heldOut: (CorpusSplits.Line) -> Bool = { _ in true }
    ) -> String {
        let groups = Array(Set(lines.filter(heldOut).map(\.group))).sorted()
        // Big groups (voices, dev) first, each to the smallest fold so far: balanced folds.
        let sizes = Dictionary(grouping: lines, by: \.group).mapValues(\.count)
        var foldOf: [String: Int] = [:]
        var foldSize = [Int](repeating: 0, count: max(folds, 2))
        for g in groups.sorted(by: {
            (sizes[$0]!, CorpusSplits.pageBucket($1)) > (sizes[$1]!, CorpusSplits.pageBucket($0))
        }) {
            let f = foldSize.indices.min { foldSize[$0] < foldSize[$1] }!
            foldOf[g] = f
            foldSize[f] += sizes[g]!
        }
        var scores: [CorpusScore] = []
        for f in foldSize.indices {
            let test = lines.filter { foldOf[$0.group] == f }
            let train = lines.filter { foldOf[$0.group] != f }
            guard !test.isEmpty else { continue }
            // The fold's own validation: a fifth of its training groups.
            let validation = train.filter { CorpusSplits.pageBucket($0.group) == 0 }
            let model = fit(train: train.filter { CorpusSplits.pageBucket($0.group) != 0 }, validation: validation)
            scores.append(
                Self.score(IntentParser(lexicon: rules.lexicon, gazetteer: rules.gazetteer, model: model), test))
        }
        func stats(_ values: [Double]) -> String {
            let v = values.filter { !$0.isNaN }
            let mean = v.reduce(0, +) / Double(max(v.count, 1))
            let sd = (v.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(max(v.count - 1, 1))).squareRoot()
            return String(format: "%.3f ± %.3f", mean, sd)
        }
        var out = "fold sizes \(foldSize)\n"
        out += "score            \(stats(scores.map(\.score)))\n"
        out += "intent macro-F1  \(stats(scores.map { $0.macroF1 ?? .nan }))\n"
        out += "intent accuracy  \(stats(scores.map(\.intentAccuracy)))\n"
        out += "category         \(stats(scores.map { CorpusScore.rate($0.category) ?? .nan }))\n"
        out += "estate           \(stats(scores.map { CorpusScore.rate($0.estate) ?? .nan }))\n"
        out += "building         \(stats(scores.map { CorpusScore.rate($0.building) ?? .nan }))\n"
        out += "item_ref         \(stats(scores.map { CorpusScore.rate($0.itemRef) ?? .nan }))\n"
        for i in CorpusScore.intents {
            out +=
                "  \(i.padding(toLength: 11, withPad: " ", startingAt: 0)) F1 \(stats(scores.map { $0.f1(i) ?? .nan }))\n"
        }
        return out
    }
}
