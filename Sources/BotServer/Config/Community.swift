import Foundation
import IntentParser
import TaskBoard
import Yams

/// The community the server runs for: its gazetteer and lexicon (for the parser and the router).
struct Community: Sendable {
    let gazetteer: Gazetteer
    let lexicon: Lexicon
    /// The parser's learned model; nil: the rules alone decide.
    let model: ParserModel?

    init(gazetteer: Gazetteer, lexicon: Lexicon, model: ParserModel? = nil) {
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        self.model = model
    }

    /// The routing of places to grids and grid workers, for the community's gazetteer and people.
    func router(gridWorkers: [String: [String]]) -> PlaceRouter {
        var landmarks: [String: String] = [:]
        for landmark in gazetteer.landmarks {
            guard let grid = landmark.grid else { continue }
            for spelling in landmark.aliases + [landmark.name] { landmarks[spelling] = grid }
        }
        return PlaceRouter(
            grids: gazetteer.grids.map { grid in
                PlaceRouter.Grid(
                    id: grid.id, name: grid.name, estates: grid.estates.map { ($0.name, $0.aliases) },
                    workers: gridWorkers[grid.id] ?? [])
            }, landmarks: landmarks)
    }

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
