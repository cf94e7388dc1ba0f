import ArgumentParser
import Hummingbird
import Logging

/// `fengchao serve`: loads configuration (flags > environment > file > defaults) and runs the server.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the webhook server, the workers and the API.",
        discussion: """
            Configuration is read from --config FILE (or $FENGCHAO_CONFIG), then environment variables
            (FENGCHAO_ADMIN_TOKEN, FENGCHAO_GENERIC_SECRET, FENGCHAO_GENERIC_OUTBOUND_URL, FENGCHAO_STORAGE_PATH),
            then the flags below. See config/fengchao.example.yaml for every key.
            """
    )

    @Option(name: .shortAndLong, help: "YAML configuration file (default: $FENGCHAO_CONFIG, else built-in defaults).")
    var config: String?

    @Option(help: "Address to listen on (server.host; default 127.0.0.1).")
    var host: String?

    @Option(name: .shortAndLong, help: "Port to listen on (server.port; default 8080, 0 picks a free port).")
    var port: Int?

    @Option(help: "Data folder for the SQLite file and photos (storage.path; default ./fengchao-data).")
    var data: String?

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical (default info).")
    var logLevel: String?

    func validate() throws {
        if let port, !(0...65535).contains(port) {
            throw ValidationError("--port must be between 0 and 65535.")
        }
        if let logLevel, Logger.Level(rawValue: logLevel) == nil {
            throw ValidationError(
                "--log-level must be one of: \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
    }

    /// The effective configuration: the file and environment, then these flags on top.
    func resolvedConfig() throws -> AppConfig {
        var config = try AppConfig.load(path: config)
        if let host { config.server.host = host }
        if let port { config.server.port = port }
        if let data { config.storage.path = data }
        if let logLevel { config.logLevel = logLevel }
        try config.validate()
        return config
    }

    func run() async throws {
        let config: AppConfig
        do {
            config = try resolvedConfig()
        } catch let error as ConfigError {
            throw ValidationError(error.description)
        }
        let level = Logger.Level(rawValue: config.logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardOutput(label: label)
            handler.logLevel = level
            return MaskingLogHandler(wrapped: handler)
        }
        let logger = Logger(label: "fengchao")
        logger.notice(
            "fengchao starting",
            metadata: [
                "url": "http://\(config.server.host):\(config.server.port)", "storage": "\(config.storage.path)",
            ])
        let app = try await buildApplication(config: config, dependencies: AppDependencies(logger: logger))
        try await app.runService()
    }
}
