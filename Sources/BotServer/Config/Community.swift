import Foundation
import IntentParser
import Yams

/// The community the server runs for: its gazetteer (for the parser) and the grid names replies use.
struct Community: Sendable {
    let gazetteer: Gazetteer
    let lexicon: Lexicon
    /// Grid id → display name (第一网格).
    let gridNames: [String: String]
    /// Canonical estate name → grid id.
    let estateGrids: [String: String]

    init(gazetteer: Gazetteer, lexicon: Lexicon) {
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        var names: [String: String] = [:]
        var estates: [String: String] = [:]
        for grid in gazetteer.grids {
            names[grid.id] = grid.name
            for estate in grid.estates { estates[estate.name] = grid.id }
        }
        self.gridNames = names
        self.estateGrids = estates
    }

    func gridName(_ id: String) -> String? { gridNames[id] }

    func grid(ofEstate name: String) -> String? { estateGrids[name] }

    var parser: IntentParser { IntentParser(lexicon: lexicon, gazetteer: gazetteer) }

    /// Reads both YAML files; a missing or malformed one fails start-up with its path.
    static func load(communityPath: String, lexiconPath: String) throws -> Community {
        let gazetteer = try decodeYAML(Gazetteer.self, at: communityPath, what: "community gazetteer")
        let lexicon = try decodeYAML(Lexicon.self, at: lexiconPath, what: "parser lexicon")
        return Community(gazetteer: gazetteer, lexicon: lexicon)
    }

    private static func decodeYAML<T: Decodable>(_ type: T.Type, at path: String, what: String) throws -> T {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ConfigError.missingResource(what: what, path: path)
        }
        do {
            return try YAMLDecoder().decode(T.self, from: text)
        } catch let error as DecodingError {
            throw ConfigError.invalid(path: path, reason: error.readableDescription)
        } catch {
            throw ConfigError.invalid(path: path, reason: "\(error)")
        }
    }
}
