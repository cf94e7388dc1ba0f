import Foundation
import IntentParser
import Yams

/// The community the server runs for: its gazetteer (for the parser) and the grid names replies use.
struct Community: Sendable {
    let gazetteer: Gazetteer
    let lexicon: Lexicon
    /// The parser's learned model; nil: the rules alone decide.
    let model: ParserModel?
    /// Grid id → display name (第一网格).
    let gridNames: [String: String]
    /// Estate name or alias → canonical name and grid id.
    private let estates: [String: (name: String, grid: String)]

    init(gazetteer: Gazetteer, lexicon: Lexicon, model: ParserModel? = nil) {
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        self.model = model
        var names: [String: String] = [:]
        var estates: [String: (name: String, grid: String)] = [:]
        for grid in gazetteer.grids {
            names[grid.id] = grid.name
            for estate in grid.estates {
                for spelling in estate.aliases + [estate.name] { estates[spelling] = (estate.name, grid.id) }
            }
        }
        self.gridNames = names
        self.estates = estates
    }

    func gridName(_ id: String) -> String? { gridNames[id] }

    /// The grid of an estate named by its name or an alias: the one routing rule for chat and board.
    func grid(ofEstate name: String) -> String? { estates[name]?.grid }

    /// The canonical name of an estate named by its name or an alias; other names as given.
    func canonicalEstate(_ name: String) -> String { estates[name]?.name ?? name }

    /// Where a place goes: its own grid (a landmark's, a shared location's) or its estate's.
    func grid(for place: Place) -> String? { place.grid ?? place.estate.flatMap(grid(ofEstate:)) }

    /// Builds the parser (it compiles the lexicon: build it once and keep it).
    var parser: IntentParser { IntentParser(lexicon: lexicon, gazetteer: gazetteer, model: model) }

    /// Reads the YAML files and the model; a missing or malformed one fails start-up with its path.
    /// `modelPath` nil or empty: no model.
    static func load(communityPath: String, lexiconPath: String, modelPath: String? = nil) throws -> Community {
        let gazetteer = try decodeYAML(Gazetteer.self, at: communityPath, what: "community gazetteer")
        let lexicon = try decodeYAML(Lexicon.self, at: lexiconPath, what: "parser lexicon")
        var model: ParserModel?
        if let modelPath, !modelPath.isEmpty {
            guard let text = try? String(contentsOfFile: modelPath, encoding: .utf8) else {
                throw ConfigError.missingResource(what: "parser model", path: modelPath)
            }
            do {
                model = try ParserModel(text: text)
            } catch {
                throw ConfigError.invalid(path: modelPath, reason: "\(error)")
            }
        }
        return Community(gazetteer: gazetteer, lexicon: lexicon, model: model)
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
