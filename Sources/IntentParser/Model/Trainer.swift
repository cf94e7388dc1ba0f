/// Trains a `LinearModel` by multinomial logistic regression: AdaGrad over shuffled examples with
/// L2 regularisation, features seen fewer than `minCount` times dropped. Deterministic for a seed.
public struct Trainer: Sendable {
    /// One training example: the feature names of a message and its label.
    public struct Example: Sendable {
        public var features: [String]
        public var label: String

        public init(features: [String], label: String) {
            self.features = features
            self.label = label
        }
    }

    public var epochs = 30
    public var learningRate = 0.2
    public var l2 = 1e-4
    public var minCount = 2
    /// Rows whose weights all stay below this (in absolute value) are dropped: they barely move a score,
    /// and every row kept is memory a message's features probe.
    public var keepAbove = 1e-3
    public var seed: UInt64 = 9

    public init() {}

    public func train(_ examples: [Example], classes: [String]) -> LinearModel {
        let k = classes.count
        let classIndex = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
        var counts: [String: Int] = [:]
        for e in examples { for f in Set(e.features) { counts[f, default: 0] += 1 } }
        let names = counts.filter { $0.value >= minCount || $0.key == "bias" }.keys.sorted()
        let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        let data: [(rows: [Int], label: Int)] = examples.compactMap { e in
            guard let label = classIndex[e.label] else { return nil }
            return (Array(Set(e.features.compactMap { index[$0] })).sorted(), label)
        }
        var w = [Double](repeating: 0, count: names.count * k)
        var g2 = [Double](repeating: 1e-8, count: names.count * k)
        var rng = SplitMix64(seed: seed)
        var order = Array(data.indices)
        for _ in 0..<epochs {
            for i in stride(from: order.count - 1, to: 0, by: -1) {
                order.swapAt(i, Int(rng.next() % UInt64(i + 1)))
            }
            for n in order {
                let (rows, label) = data[n]
                var scores = [Double](repeating: 0, count: k)
                for r in rows { for c in 0..<k { scores[c] += w[r * k + c] } }
                let p = LinearModel.softmax(scores, temperature: 1)
                for r in rows {
                    for c in 0..<k {
                        let grad = p[c] - (c == label ? 1 : 0) + l2 * w[r * k + c]
                        g2[r * k + c] += grad * grad
                        w[r * k + c] -= learningRate * grad / g2[r * k + c].squareRoot()
                    }
                }
            }
        }
        // "bias" is a feature every message has; keep it as the model's bias.
        let biasRow = index["bias"]
        let bias = (0..<k).map { c in Float(biasRow.map { w[$0 * k + c] } ?? 0) }
        var keptNames: [String] = []
        var keptWeights: [Float] = []
        for (row, name) in names.enumerated() where row != biasRow {
            let ws = (0..<k).map { Float(w[row * k + $0]) }
            guard ws.contains(where: { Double(abs($0)) >= keepAbove }) else { continue }
            keptNames.append(name)
            keptWeights += ws.map { ($0 * 10_000).rounded() / 10_000 }
        }
        return LinearModel(classes: classes, temperature: 1, bias: bias, names: keptNames, weights: keptWeights)
    }

    /// The temperature that minimises the negative log-likelihood of `examples` (validation data).
    public static func fitTemperature(_ model: LinearModel, _ examples: [Example]) -> Double {
        let keyed = examples.map { (keys: $0.features.map(FeatureKey.init), label: $0.label) }
        var best = (t: 1.0, nll: Double.infinity)
        var t = 0.3
        while t <= 5 {
            var nll = 0.0
            for e in keyed {
                guard let label = model.classes.firstIndex(of: e.label) else { continue }
                let p = LinearModel.softmax(model.scores(e.keys), temperature: t)
                nll -= logarithm(max(p[label], 1e-12))
            }
            if nll < best.nll { best = (t, nll) }
            t += 0.05
        }
        return best.t
    }
}

/// Natural logarithm without Foundation (for the trainer's likelihood).
func logarithm(_ x: Double) -> Double {
    guard x > 0 else { return -.infinity }
    // x = m · 2^e with m in [1, 2): ln x = e·ln2 + ln m, ln m by the atanh series.
    let e = x.exponent
    let m = x.significand
    let y = (m - 1) / (m + 1)
    var term = y
    var sum = 0.0
    var n = 1.0
    while n < 60 {
        sum += term / n
        term *= y * y
        n += 2
    }
    return Double(e) * 0.693_147_180_559_945_3 + 2 * sum
}
