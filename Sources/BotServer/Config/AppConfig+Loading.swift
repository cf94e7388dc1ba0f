import Foundation
import Yams

extension AppConfig {
    /// Reads the YAML file (when given), then applies environment overrides; a bad file fails with a
    /// sentence naming the file and the key.
    static func load(path: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> AppConfig
    {
        var config = AppConfig()
        let filePath = path ?? environment["FENGCHAO_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
        if let filePath {
            let text: String
            do {
                text = try String(contentsOfFile: filePath, encoding: .utf8)
            } catch {
                throw ConfigError.unreadable(path: filePath, reason: "\(error.localizedDescription)")
            }
            do {
                if !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    config = try YAMLDecoder().decode(AppConfig.self, from: text)
                }
            } catch let error as DecodingError {
                throw ConfigError.invalid(path: filePath, reason: error.readableDescription)
            } catch {
                throw ConfigError.invalid(path: filePath, reason: "\(error)")
            }
            config.relativePathsResolved(against: URL(fileURLWithPath: filePath).deletingLastPathComponent().path)
        }
        config.applyEnvironment(environment)
        try config.validate()
        return config
    }

    /// Secrets may come from the environment so they stay out of files in version control.
    mutating func applyEnvironment(_ environment: [String: String]) {
        if let token = environment["FENGCHAO_ADMIN_TOKEN"], !token.isEmpty { admin.token = token }
        if let secret = environment["FENGCHAO_GENERIC_SECRET"] { webhooks.generic.secret = secret }
        if let url = environment["FENGCHAO_GENERIC_OUTBOUND_URL"] { outbound.generic.url = url }
        if let path = environment["FENGCHAO_STORAGE_PATH"], !path.isEmpty { storage.path = path }
        for index in channels.indices { channels[index].applyEnvironment(environment) }
    }

    /// Paths in a file are relative to that file, except the defaults, which are relative to the project.
    private mutating func relativePathsResolved(against directory: String) {
        let defaults = AppConfig()
        func resolve(_ path: String, _ defaultPath: String) -> String {
            if path == defaultPath || path.hasPrefix("/") || path == ":memory:" { return path }
            return URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: directory, isDirectory: true))
                .standardizedFileURL.path
        }
        community = resolve(community, defaults.community)
        lexicon = resolve(lexicon, defaults.lexicon)
        templates = resolve(templates, defaults.templates)
        `public` = resolve(`public`, defaults.public)
        sim.personas = resolve(sim.personas, defaults.sim.personas)
    }

    func validate() throws {
        guard (0...65535).contains(server.port) else {
            throw ConfigError.invalidValue(key: "server.port", reason: "must be 0…65535, got \(server.port)")
        }
        guard conversation.parseLimit > 0 else {
            throw ConfigError.invalidValue(
                key: "conversation.parse_limit", reason: "must be a positive number of characters")
        }
        guard TimeZone(identifier: timezone) != nil else {
            throw ConfigError.invalidValue(key: "timezone", reason: "unknown time zone \(timezone)")
        }
        guard outbound.maxAttempts >= 1, outbound.retryBaseSeconds > 0 else {
            throw ConfigError.invalidValue(
                key: "outbound.max_attempts / outbound.retry_base_seconds", reason: "must be positive")
        }
        if !outbound.generic.url.isEmpty {
            guard let url = URL(string: outbound.generic.url), let scheme = url.scheme,
                ["http", "https"].contains(scheme)
            else {
                throw ConfigError.invalidValue(key: "outbound.generic.url", reason: "must be an http(s) URL")
            }
        }
        try board.validate()
        try schedule.validate()
        try validateDeadlines()
        try escalation.validate()
        try validatePointsByCategory()
        try wishes.validate()
        try validateExposure()
        var seen = Set<String>()
        for group in groups where !seen.insert("\(group.channel)/\(group.id)").inserted {
            throw ConfigError.invalidValue(key: "groups", reason: "group \(group.id) is listed twice")
        }
        var channelIDs: Set<String> = ["generic"]
        for channel in channels {
            guard channelIDs.insert(channel.id).inserted else {
                throw ConfigError.invalidValue(key: "channels", reason: "channel id \(channel.id) is used twice")
            }
            try channel.validate()
        }
        if sim.enabled, channelIDs.contains(SimChannel.id) {
            throw ConfigError.invalidValue(
                key: "channels",
                reason: "channel id \(SimChannel.id) is the simulator's; rename it or set sim.enabled: false")
        }
        for group in groups {
            guard channelIDs.contains(group.channel) else {
                throw ConfigError.invalidValue(
                    key: "groups", reason: "group \(group.id) names unknown channel \(group.channel)")
            }
            if let via = group.replyVia, !channelIDs.contains(via) {
                throw ConfigError.invalidValue(
                    key: "groups", reason: "group \(group.id) replies via unknown channel \(via)")
            }
        }
    }

    /// A configured channel by id.
    func channel(_ id: String) -> ChannelConfig? {
        channels.first { $0.id == id }
    }

    /// The configured group a message came from, if any.
    func group(channel: String, id: String) -> GroupConfig? {
        if channel == SimChannel.id { return simGroups.first { $0.id == id } }
        return groups.first { $0.channel == channel && $0.id == id }
            ?? groups.first { $0.channel == channel && $0.id == "*" }
    }
}

/// Start-up failures that say which file or key to fix.
enum ConfigError: Error, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case invalid(path: String, reason: String)
    case invalidValue(key: String, reason: String)
    case missingResource(what: String, path: String)

    var description: String {
        switch self {
        case .unreadable(let path, let reason): "cannot read configuration file \(path): \(reason)"
        case .invalid(let path, let reason): "configuration file \(path) is invalid: \(reason)"
        case .invalidValue(let key, let reason): "configuration key \(key): \(reason)"
        case .missingResource(let what, let path): "\(what) not found at \(path)"
        }
    }
}

extension DecodingError {
    /// "key a.b.c: reason" rather than Foundation's nested dump.
    var readableDescription: String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch self {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            if context.codingPath.isEmpty { return context.debugDescription }
            return "key \(path(context.codingPath)): \(context.debugDescription)"
        case .keyNotFound(let key, let context):
            return "key \(path(context.codingPath + [key])) is required"
        @unknown default:
            return "\(self)"
        }
    }
}
