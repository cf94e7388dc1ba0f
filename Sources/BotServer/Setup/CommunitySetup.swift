import Foundation
import IntentParser
import TaskBoard

/// The parts of a community's set-up the board edits: its places, people and groups (and, section by
/// section, its settings). The configuration files are the first seed; a section the board saved
/// replaces the file's whole section, so what the board shows is what is in force.
struct CommunitySetup: Sendable, Equatable {
    /// Estates, buildings, landmarks, grids (community.yaml).
    var places: Gazetteer
    var people: AppConfig.People
    var groups: [GroupConfig]

    /// The set-up as the files give it.
    init(config: AppConfig, gazetteer: Gazetteer) {
        places = gazetteer
        people = config.people
        groups = config.groups
    }

    /// The configuration with this set-up in force.
    func applied(to config: AppConfig) -> AppConfig {
        var config = config
        config.people = people
        config.groups = groups
        return config
    }
}

extension CommunitySetup {
    /// One part of the set-up stored on its own, under a name, as JSON in its file's shape.
    struct Section: Sendable {
        let name: String
        let read: @Sendable (_ json: Data, _ into: inout CommunitySetup) throws -> Void
        let write: @Sendable (CommunitySetup) throws -> Data

        init<Value: Codable & SendableMetatype>(
            _ name: String, _ path: any WritableKeyPath<CommunitySetup, Value> & Sendable
        ) {
            self.name = name
            read = { json, setup in setup[keyPath: path] = try JSONDecoder().decode(Value.self, from: json) }
            write = { setup in
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                return try encoder.encode(setup[keyPath: path])
            }
        }
    }

    static let places = Section("places", \.places)
    static let people = Section("people", \.people)
    static let groups = Section("groups", \.groups)

    /// Every section, in the order an export writes them.
    static let sections: [Section] = [places, people, groups]

    /// The files' set-up with the stored sections over it. A stored section that no longer decodes
    /// (written by another version) fails loudly: running on a silently different set-up is worse.
    func overlaid(with stored: [String: String]) throws -> CommunitySetup {
        var setup = self
        for section in Self.sections {
            guard let body = stored[section.name] else { continue }
            do {
                try section.read(Data(body.utf8), &setup)
            } catch {
                throw SetupError.unreadableSection(section.name, "\(error)")
            }
        }
        return setup
    }
}

enum SetupError: Error, CustomStringConvertible {
    case unreadableSection(String, String)

    var description: String {
        switch self {
        case .unreadableSection(let name, let reason): "stored set-up section \(name) does not decode: \(reason)"
        }
    }
}
