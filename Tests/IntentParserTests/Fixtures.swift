import Foundation
import Yams

@testable import IntentParser

/// Loads the test fixtures (copies of the shared corpus) and the repo's lexicon,
/// relative to this file so the tests never read outside the repository.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Fixtures")
    static let repoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func text(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    /// config/lexicon.yaml decoded with Yams, exactly as the server does it.
    static func loadLexicon() throws -> Lexicon {
        let yaml = try String(contentsOf: repoRoot.appendingPathComponent("config/lexicon.yaml"), encoding: .utf8)
        return try YAMLDecoder().decode(Lexicon.self, from: yaml)
    }

    static func loadGazetteer() throws -> Gazetteer {
        try YAMLDecoder().decode(Gazetteer.self, from: text("gazetteer.yaml"))
    }

    /// One parser for all tests (building it compiles the lexicon).
    static let parser: IntentParser = {
        do {
            return IntentParser(lexicon: try loadLexicon(), gazetteer: try loadGazetteer())
        } catch {
            fatalError("fixtures do not load: \(error)")
        }
    }()

    /// JSON lines as dictionaries.
    static func jsonLines(_ name: String) throws -> [[String: Any]] {
        try text(name).split(separator: "\n").map { line in
            guard let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw FixtureError.badLine(String(line.prefix(80)))
            }
            return o
        }
    }

    static func attachments(_ raw: Any?) -> [Attachment] {
        (raw as? [[String: Any]] ?? []).compactMap { a in
            switch a["type"] as? String {
            case "image": return .image(url: a["url"] as? String ?? "")
            case "location":
                return .location(
                    lat: (a["lat"] as? NSNumber)?.doubleValue ?? 0, lon: (a["lon"] as? NSNumber)?.doubleValue ?? 0,
                    label: a["label"] as? String)
            default: return nil
            }
        }
    }

    enum FixtureError: Error {
        case badLine(String)
    }
}

/// Shortcuts for tests of the internal stages.
extension IntentParser {
    func normalized(_ s: String) -> String { normalizer.normalize(s).string }

    func hits(_ s: String) -> CueHits { CueHits(text: normalizer.normalize(s).scalars, table: table) }

    func parse(_ text: String, _ role: SenderRole = .rider, _ attachments: [Attachment] = []) -> ParseResult {
        parse(ParserInput(text: text, senderRole: role, attachments: attachments))
    }
}
