import Foundation
import ParserCorpus

@testable import IntentParser

/// The scorer's metrics (ParserCorpus.CorpusScore, computed as tools/score_parse.py does) over a
/// fixture or corpus file, under the names the corpus tests assert on.
struct CorpusScorer {
    let metrics: CorpusScore

    var intentMacroF1: Double { metrics.macroF1 ?? 0 }
    var intentAccuracy: Double { metrics.intentAccuracy }
    var categoryAccuracy: Double { CorpusScore.rate(metrics.category) ?? 0 }
    var estateAccuracy: Double { CorpusScore.rate(metrics.estate) ?? 0 }
    var buildingAccuracy: Double { CorpusScore.rate(metrics.building) ?? 0 }
    var itemRefAccuracy: Double { CorpusScore.rate(metrics.itemRef) ?? 0 }
    var score: Double { metrics.score }
    var errors: [String] { metrics.errors }

    /// Parses a file of labelled lines and scores it.
    static func run(url: URL, parser: IntentParser) throws -> CorpusScorer {
        var metrics = CorpusScore()
        let decoder = JSONDecoder()
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
            let message = try decoder.decode(LabelledMessage.self, from: Data(line.utf8))
            metrics.add(message, parser.parse(message.input))
        }
        return CorpusScorer(metrics: metrics)
    }

    /// A fixture of Tests/IntentParserTests/Fixtures.
    static func run(_ fixture: String, parser: IntentParser) throws -> CorpusScorer {
        try run(url: Fixtures.directory.appendingPathComponent(fixture), parser: parser)
    }
}
