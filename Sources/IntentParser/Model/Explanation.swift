/// Why a message was read as it was: the rules' reading, the model's probabilities and the features
/// that weighed most — what `fengchao parse --explain` prints for a secretary or a developer.
public struct Explanation: Sendable {
    public var result: ParseResult
    /// The rules' reading before the model, and whether it was final (a command or question with an item number).
    public var rules: ParseResult
    public var structural: Bool
    /// Lexicon cue kinds found in the text.
    public var cues: [String]
    /// Intents by the model's probability, highest first (empty without a model).
    public var intents: [(name: String, probability: Double)]
    /// Categories by probability for a report.
    public var categories: [(name: String, probability: Double)]
    /// Features that moved the chosen intent most, with their weights.
    public var evidence: [(name: String, weight: Double)]
    public var reviewBelow: Double?
}

extension IntentParser {
    public func explain(_ input: ParserInput) -> Explanation {
        let reading = read(input)
        let result = result(of: reading)
        let cues = Set(reading.context.hits.hits.map { String(describing: $0.kind) }).sorted()
        var explanation = Explanation(
            result: result, rules: reading.rules, structural: reading.structural, cues: cues, intents: [],
            categories: [],
            evidence: [], reviewBelow: model.map { result.intent == .chitchat ? $0.reviewBelow : $0.decideBelow })
        guard let model else { return explanation }
        var keys = Features.Keys()
        Features.collect(
            into: &keys, context: reading.context, rules: reading.ruleReading, place: reading.place,
            quoted: reading.quoted)
        func ranked(_ m: LinearModel) -> [(name: String, probability: Double)] {
            let p = m.probabilities(keys.keys)
            return p.indices.sorted { p[$0] > p[$1] }.prefix(3).map { (m.classes[$0], p[$0]) }
        }
        explanation.intents = ranked(model.intent)
        if result.intent == .report { explanation.categories = ranked(model.category) }
        if let chosen = model.intent.classes.firstIndex(of: result.intent.rawValue) {
            explanation.evidence = model.intent.contributions(keys.keys, toward: chosen, limit: 8)
        }
        return explanation
    }
}
