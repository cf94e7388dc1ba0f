/// A multinomial logistic regression over sparse binary features: one weight per (feature, class),
/// a bias per class, and a temperature fitted on validation data so the probabilities are
/// calibrated. Features missing from the model weigh nothing.
public struct LinearModel: Sendable {
    /// Class names in weight order.
    public let classes: [String]
    /// Softmax temperature (> 0): probabilities are softmax(scores / temperature).
    public var temperature: Double
    let bias: [Float]
    /// Row per known feature, `classes.count` weights each.
    let weights: [Float]
    let table: FeatureTable
    /// Feature names by row, for `--explain` and for writing the model back.
    let names: [String]

    init(classes: [String], temperature: Double, bias: [Float], names: [String], weights: [Float]) {
        self.classes = classes
        self.temperature = temperature
        self.bias = bias
        self.names = names
        self.weights = weights
        table = FeatureTable(names)
    }

    /// Raw scores per class.
    func scores(_ features: [FeatureKey]) -> [Double] {
        let k = classes.count
        var sums = bias
        weights.withUnsafeBufferPointer { w in
            sums.withUnsafeMutableBufferPointer { out in
                for f in features {
                    let row = table.row(f)
                    guard row >= 0 else { continue }
                    let base = Int(row) * k
                    for c in 0..<k { out[c] += w[base + c] }
                }
            }
        }
        return sums.map(Double.init)
    }

    /// Calibrated probabilities per class.
    func probabilities(_ features: [FeatureKey]) -> [Double] {
        Self.softmax(scores(features), temperature: temperature)
    }

    /// Calibrated probabilities from features already looked up in a `JointIndex` (`rows`), through
    /// `map` (joint index → this model's row). Sums in the order of `rows`, as `scores` does in the
    /// order of the features, so both give the same numbers.
    func probabilities(rows: [Int32], map: [Int32]) -> [Double] {
        let k = classes.count
        var sums = bias
        weights.withUnsafeBufferPointer { w in
            map.withUnsafeBufferPointer { m in
                sums.withUnsafeMutableBufferPointer { out in
                    for j in rows where j >= 0 {
                        let row = m[Int(j)]
                        guard row >= 0 else { continue }
                        let base = Int(row) * k
                        for c in 0..<k { out[c] += w[base + c] }
                    }
                }
            }
        }
        return Self.softmax(sums.map(Double.init), temperature: temperature)
    }

    static func softmax(_ scores: [Double], temperature: Double) -> [Double] {
        let t = max(temperature, 1e-3)
        let top = scores.max() ?? 0
        let e = scores.map { ($0 - top) / t }.map { $0.isFinite ? exponential($0) : 0 }
        let sum = e.reduce(0, +)
        return sum > 0 ? e.map { $0 / sum } : scores.map { _ in 1 / Double(max(scores.count, 1)) }
    }

    /// The features of `features` that moved class `c` most, with their weights, for `--explain`.
    func contributions(_ features: [FeatureKey], toward c: Int, limit: Int) -> [(name: String, weight: Double)] {
        var seen = Set<Int32>()
        var out: [(String, Double)] = []
        for f in features {
            let row = table.row(f)
            guard row >= 0, seen.insert(row).inserted else { continue }
            out.append((names[Int(row)], Double(weights[Int(row) * classes.count + c])))
        }
        return Array(out.sorted { abs($0.1) > abs($1.1) }.prefix(limit))
    }
}

/// e^x without Foundation: the parser target imports nothing.
@inline(__always)
func exponential(_ x: Double) -> Double {
    // Range reduction to [-ln2/2, ln2/2], then a degree-10 Taylor polynomial: ample for softmax.
    if x < -700 { return 0 }
    if x > 700 { return .infinity }
    let ln2 = 0.693_147_180_559_945_3
    let k = (x / ln2).rounded()
    let r = x - k * ln2
    var term = 1.0
    var sum = 1.0
    for n in 1...12 {
        term *= r / Double(n)
        sum += term
    }
    return sum * Double(sign: .plus, exponent: Int(k), significand: 1.0)
}
