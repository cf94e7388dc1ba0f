import Foundation
import IntentParser
import Logging
import Yams

extension SimCast {
    /// Reads `sim.personas` and fits it to this server. A broken file, a repeated id or a location
    /// without coordinates stops start-up with the file and the key; a persona's group that is not
    /// configured here, a missing sample photo or a story step that no longer fits is left out with
    /// a warning, so a deployment with other group ids still starts.
    static func load(
        path: String, groups: [GroupConfig], samples: [String], gazetteer: Gazetteer, logger: Logger
    ) throws -> SimCast {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ConfigError.missingResource(what: "simulator personas (sim.personas)", path: path)
        }
        let cast: SimCast
        do {
            cast = try YAMLDecoder().decode(SimCast.self, from: text)
        } catch let error as DecodingError {
            throw ConfigError.invalid(path: path, reason: error.readableDescription)
        } catch {
            throw ConfigError.invalid(path: path, reason: "\(error)")
        }
        return try cast.fitted(
            path: path, groups: Set(groups.map(\.id) + cast.groups.map(\.id)), samples: Set(samples),
            gazetteer: gazetteer, logger: logger)
    }

    func fitted(path: String, groups: Set<String>, samples: Set<String>, gazetteer: Gazetteer, logger: Logger) throws
        -> SimCast
    {
        try checkUnique(path: path)
        var fitted = self
        fitted.personas = personas.compactMap { persona in
            var persona = persona
            let unknown = persona.groups.filter { !groups.contains($0) }
            if !unknown.isEmpty {
                logger.warning(
                    "sim: persona names groups that are not configured; left out there",
                    metadata: ["sim.persona": "\(persona.id)", "sim.groups": "\(unknown.joined(separator: ","))"])
            }
            persona.groups = persona.groups.filter(groups.contains)
            return persona.groups.isEmpty ? nil : persona
        }
        fitted.locations = try locations.map { try $0.withCoordinates(from: gazetteer, path: path) }
        fitted.script = script.compactMap { step in
            guard let persona = fitted.persona(step.persona), persona.groups.contains(step.group) else {
                logger.warning(
                    "sim: story step names an unknown persona or group; left out",
                    metadata: ["sim.persona": "\(step.persona)", "sim.group": "\(step.group)"])
                return nil
            }
            var step = step
            if let photo = step.photo, !samples.contains(photo) {
                logger.warning("sim: story step names a missing sample photo", metadata: ["sim.photo": "\(photo)"])
                step.photo = nil
            }
            if let location = step.location, fitted.location(location) == nil { step.location = nil }
            return step
        }
        return fitted
    }

    private func checkUnique(path: String) throws {
        var ids = Set<String>()
        var senders = Set<String>()
        for persona in personas {
            guard !persona.id.isEmpty, !persona.senderID.isEmpty,
                !persona.name.trimmingCharacters(in: .whitespaces).isEmpty
            else {
                throw ConfigError.invalid(
                    path: path, reason: "key personas: every persona needs id, name and sender_id")
            }
            guard ids.insert(persona.id).inserted else {
                throw ConfigError.invalid(path: path, reason: "key personas: id \(persona.id) is listed twice")
            }
            guard senders.insert(persona.senderID).inserted else {
                throw ConfigError.invalid(
                    path: path, reason: "key personas: sender_id \(persona.senderID) is used by two personas")
            }
        }
        var locationIDs = Set<String>()
        for location in locations where !locationIDs.insert(location.id).inserted {
            throw ConfigError.invalid(path: path, reason: "key locations: id \(location.id) is listed twice")
        }
    }
}

extension SimLocation {
    /// Coordinates as given, else those of the gazetteer place it names (or its label).
    func withCoordinates(from gazetteer: Gazetteer, path: String) throws -> SimLocation {
        if lat != nil, lon != nil { return self }
        let name = place ?? label
        let estates = gazetteer.grids.flatMap(\.estates).map {
            (names: [$0.name] + $0.aliases, lat: $0.lat, lon: $0.lon)
        }
        let landmarks = gazetteer.landmarks.map { (names: [$0.name] + $0.aliases, lat: $0.lat, lon: $0.lon) }
        guard let found = (estates + landmarks).first(where: { $0.names.contains(name) }), let lat = found.lat,
            let lon = found.lon
        else {
            throw ConfigError.invalid(
                path: path,
                reason: "key locations.\(id): \(name) has no coordinates in the community file; give lat and lon")
        }
        var located = self
        located.lat = lat
        located.lon = lon
        return located
    }
}
