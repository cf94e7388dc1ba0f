import Yams

/// Words to build hostile messages from: every string in the parser's lexicon and the community's
/// gazetteer, so generated text reaches the parser's deep paths instead of bouncing off as noise.
public struct FuzzVocabulary: Sendable {
    public let words: [String]

    public init(words: [String]) {
        self.words = words.isEmpty ? ["认领", "#12", "龙西小区", "井盖"] : words
    }

    /// Every string leaf of the given YAML documents (keys excluded), deduplicated, in a stable order.
    public init(yaml documents: [String]) throws {
        var seen = Set<String>()
        var words: [String] = []
        for text in documents {
            guard let node = try Yams.compose(yaml: text) else { continue }
            Self.collect(node) { word in
                if !word.isEmpty && seen.insert(word).inserted { words.append(word) }
            }
        }
        self.init(words: words)
    }

    private static func collect(_ node: Node, _ add: (String) -> Void) {
        switch node {
        case .scalar(let s): add(s.string)
        case .sequence(let seq): for child in seq { collect(child, add) }
        case .mapping(let map): for (_, value) in map { collect(value, add) }
        case .alias: break
        }
    }
}
