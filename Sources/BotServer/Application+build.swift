import Foundation
import Hummingbird
import IntentParser
import Logging
import TaskBoard

/// What the composition root needs besides configuration; tests replace the parts they fake.
struct AppDependencies: Sendable {
    var logger: Logger
    /// Nil: open the store at `storage.path` (`:memory:` for an in-memory database).
    var store: BoardStore?
    /// Senders by channel; nil: built from `outbound:`.
    var replySenders: [String: any ReplySender]?
    /// How often idle workers look at the database on their own.
    var pollInterval: Duration = .seconds(2)

    init(
        logger: Logger = Logger(label: "fengchao"), store: BoardStore? = nil,
        replySenders: [String: any ReplySender]? = nil
    ) {
        self.logger = logger
        self.store = store
        self.replySenders = replySenders
    }
}

/// The composition root: everything the server runs is wired here and nowhere else.
func buildApplication(config: AppConfig, dependencies: AppDependencies = AppDependencies()) async throws
    -> some ApplicationProtocol
{
    var logger = dependencies.logger
    logger.logLevel = Logger.Level(rawValue: config.logLevel) ?? .info

    let store = try dependencies.store ?? openStore(config: config)
    let templatesPath = ResourceLocator.resolve(config.templates)
    let renderer = try await ReplyRenderer.load(templatesDirectory: templatesPath)
    let community = try Community.load(
        communityPath: ResourceLocator.resolve(config.community), lexiconPath: ResourceLocator.resolve(config.lexicon))
    let senders = ReplySenders(byChannel: dependencies.replySenders ?? defaultSenders(config: config, logger: logger))

    let inboxSignal = WorkSignal()
    let outboxSignal = WorkSignal()
    let handler = MessageHandler(
        config: config, parser: community.parser, community: community, renderer: renderer, store: store)

    let router = Router(context: BasicRequestContext.self)
    router.add(middleware: RequestLogMiddleware())
    HealthController(store: store).register(on: router)
    router.addRoutes(
        WebhookController(
            store: store, inboxSignal: inboxSignal,
            verifier: SignatureVerifier(secrets: [config.webhooks.generic.secret]),
            maxBodyBytes: config.webhooks.maxBodyBytes
        ).routes, atPath: "/webhook")
    router.addRoutes(APIController(store: store, config: config).routes, atPath: "/api")

    var app = Application(
        router: router,
        configuration: .init(address: .hostname(config.server.host, port: config.server.port), serverName: "fengchao"),
        logger: logger)
    var inboxWorker = InboxWorker(
        store: store, handler: handler, signal: inboxSignal, outboxSignal: outboxSignal,
        logger: logger.withLabel("inbox"))
    inboxWorker.pollInterval = dependencies.pollInterval
    let outboxWorker = OutboxWorker(
        store: store, senders: senders, signal: outboxSignal, retryBase: config.outbound.retryBaseSeconds,
        maxAttempts: config.outbound.maxAttempts, logger: logger.withLabel("outbox"))
    app.addServices(inboxWorker, outboxWorker)
    if config.admin.token == AppConfig().admin.token {
        logger.warning("admin.token is the default; set admin.token or FENGCHAO_ADMIN_TOKEN before exposing /api")
    }
    return app
}

private func openStore(config: AppConfig) throws -> BoardStore {
    if config.storage.path == ":memory:" {
        return try BoardStore.inMemory(rules: config.points)
    }
    return try BoardStore.open(directory: config.storage.path, rules: config.points)
}

private func defaultSenders(config: AppConfig, logger: Logger) -> [String: any ReplySender] {
    if let url = URL(string: config.outbound.generic.url), !config.outbound.generic.url.isEmpty {
        return ["generic": GenericReplySender(url: url, timeout: config.outbound.timeoutSeconds)]
    }
    return ["generic": LogReplySender(logger: logger.withLabel("reply"))]
}

extension Logger {
    /// Same handler and level, another label in the metadata, so worker lines say where they come from.
    func withLabel(_ component: String) -> Logger {
        var logger = self
        logger[metadataKey: "component"] = "\(component)"
        return logger
    }
}
