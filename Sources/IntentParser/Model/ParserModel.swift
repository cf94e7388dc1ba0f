/// The learned part of the parser (config/model.txt): the intent of a message, the category of a
/// report and the kind of a query, each a linear model over the same features, plus the confidence
/// below which a message waits for the secretary. Read from text here, without I/O; the server
/// reads the file.
public struct ParserModel: Sendable {
    public var intent: LinearModel { didSet { reindex() } }
    public var category: LinearModel { didSet { reindex() } }
    public var query: LinearModel { didSet { reindex() } }
    /// The three models' features in one table, for parsing.
    private(set) var joint: JointIndex
    /// Calibrated confidence below which a message read as chat goes to review instead: fitted so that
    /// few reports or wishes are lost as chat.
    public var reviewBelow: Double
    /// The same for every other reading (a report, a wish, a command): below it, the secretary decides.
    public var decideBelow: Double = 0.4
    /// A report whose category is less sure than this (and that has no photo) goes to review too:
    /// "世纪花园的坏了" says something is broken, not what.
    public var categoryReviewBelow: Double = 0.3

    public enum FormatError: Error, Equatable, CustomStringConvertible {
        case malformed(line: Int, reason: String)
        case missing(String)

        public var description: String {
            switch self {
            case .malformed(let line, let reason): "model line \(line): \(reason)"
            case .missing(let section): "model has no \(section) section"
            }
        }
    }

    public init(intent: LinearModel, category: LinearModel, query: LinearModel, reviewBelow: Double) {
        self.intent = intent
        self.category = category
        self.query = query
        self.reviewBelow = reviewBelow
        joint = JointIndex(intent: intent, category: category, query: query)
    }

    private mutating func reindex() {
        joint = JointIndex(intent: intent, category: category, query: query)
    }

    /// Reads the text format `text` writes.
    public init(text: String) throws {
        var sections: [String: LinearModel] = [:]
        var review = 0.5
        var categoryReview = 0.3
        var decide = 0.4
        var name: String?
        var classes: [String] = []
        var temperature = 1.0
        var bias: [Float] = []
        var names: [String] = []
        var weights: [Float] = []
        func close() {
            if let name {
                sections[name] = LinearModel(
                    classes: classes, temperature: temperature, bias: bias, names: names, weights: weights)
            }
        }
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let fields = raw.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard let head = fields.first, !head.isEmpty, !head.hasPrefix("#") else { continue }
            func floats(_ from: Int) throws -> [Float] {
                try fields[from...].map {
                    guard let f = Float($0), f.isFinite else {
                        throw FormatError.malformed(line: number + 1, reason: "not a number: \($0)")
                    }
                    return f
                }
            }
            switch head {
            case "review_below":
                guard fields.count == 2, let v = Double(fields[1]) else {
                    throw FormatError.malformed(line: number + 1, reason: "review_below")
                }
                review = v
            case "decide_below":
                guard fields.count == 2, let v = Double(fields[1]) else {
                    throw FormatError.malformed(line: number + 1, reason: "decide_below")
                }
                decide = v
            case "category_review_below":
                guard fields.count == 2, let v = Double(fields[1]) else {
                    throw FormatError.malformed(line: number + 1, reason: "category_review_below")
                }
                categoryReview = v
            case "model":
                close()
                guard fields.count == 2 else { throw FormatError.malformed(line: number + 1, reason: "model name") }
                name = fields[1]
                (classes, temperature, bias, names, weights) = ([], 1, [], [], [])
            case "classes": classes = Array(fields.dropFirst())
            case "temperature":
                guard fields.count == 2, let t = Double(fields[1]), t > 0 else {
                    throw FormatError.malformed(line: number + 1, reason: "temperature")
                }
                temperature = t
            case "bias":
                bias = try floats(1)
                guard bias.count == classes.count else {
                    throw FormatError.malformed(line: number + 1, reason: "bias needs one weight per class")
                }
            case "w":
                guard fields.count == classes.count + 2 else {
                    throw FormatError.malformed(line: number + 1, reason: "a weight per class")
                }
                names.append(fields[1])
                weights += try floats(2)
            default:
                throw FormatError.malformed(line: number + 1, reason: "unknown line \(head)")
            }
        }
        close()
        guard let intent = sections["intent"] else { throw FormatError.missing("intent") }
        guard let category = sections["category"] else { throw FormatError.missing("category") }
        guard let query = sections["query"] else { throw FormatError.missing("query") }
        self.init(intent: intent, category: category, query: query, reviewBelow: review)
        categoryReviewBelow = categoryReview
        decideBelow = decide
    }

    /// The text format: sections of tab-separated lines, one feature a line.
    public var text: String {
        var out =
            "# fengchao parser model: written by `fengchao train`, read at start-up\nreview_below\t\(reviewBelow)\ndecide_below\t\(decideBelow)\ncategory_review_below\t\(categoryReviewBelow)\n"
        for (name, m) in [("intent", intent), ("category", category), ("query", query)] {
            out += "model\t\(name)\nclasses\t\(m.classes.joined(separator: "\t"))\ntemperature\t\(m.temperature)\n"
            out += "bias\t" + m.bias.map { "\($0)" }.joined(separator: "\t") + "\n"
            let k = m.classes.count
            for (row, feature) in m.names.enumerated() {
                out += "w\t\(feature)\t" + (0..<k).map { "\(m.weights[row * k + $0])" }.joined(separator: "\t") + "\n"
            }
        }
        return out
    }
}
