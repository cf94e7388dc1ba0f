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
    /// Tests only: runs before each inbox message is handled (failure injection).
    var beforeHandling: (@Sendable (InboxMessage) async throws -> Void)?
    /// Tests only: receives the calendar's scheduler to drive it by hand, and it is not started.
    var drivesScheduler: (@Sendable (Scheduler) -> Void)?
    /// Tests only: receives the set-up in force, to change it as the board would.
    var receivesSetup: (@Sendable (LiveSetup) -> Void)?

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

    // The open demo runs on a clock the simulator's 时间 control can move; anything real on the wall clock.
    let demoClock = dependencies.store == nil && config.simIsOpen && config.sim.enabled ? DemoClock() : nil
    var clock: @Sendable () -> Date = { Date() }
    if let demoClock { clock = demoClock.now }
    let store = try dependencies.store ?? openStore(config: config, clock: clock)
    let setup = try await LiveSetup.load(config: config, store: store)
    dependencies.receivesSetup?(setup)
    let (templates, renderer) = (setup.resources.templates, setup.resources.renderer)
    let senders = ReplySenders(byChannel: dependencies.replySenders ?? defaultSenders(config: config, logger: logger))

    let inboxSignal = WorkSignal()
    let outboxSignal = WorkSignal()
    let photoSignal = WorkSignal()
    let photoStorage = PhotoStorage(storagePath: config.storage.path)
    let waiters = ProcessingWaiters()
    let metrics = ServerMetrics()
    var handler = MessageHandler(setup: setup.current, store: store)
    handler.fileResolvers = fileResolvers(config: config)
    handler.metrics = metrics

    let router = Router(context: AppRequestContext.self)
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: MetricsMiddleware<AppRequestContext>.webhooks(metrics))
    router.addRoutes(HealthController(store: store).routes)
    router.addRoutes(MetricsController(metrics: metrics, store: store, config: config).routes)
    let webhooks = WebhookController(
        inbox: GroupCommit(store: store, committed: { metrics.ackBatch(size: $0) }), inboxSignal: inboxSignal,
        verifier: SignatureVerifier(secrets: [config.webhooks.generic.secret]),
        maxBodyBytes: config.webhooks.maxBodyBytes)
    router.addRoutes(webhooks.routes, atPath: "/webhook")
    router.addRoutes(OneBotWebhookController(config: config, inbox: webhooks).routes)
    let wechat = try WeChatWebhookController(
        config: config, inbox: webhooks, store: store, waiters: waiters,
        welcome: try renderer.render(.help, EmptyView()))
    router.addRoutes(wechat.routes)
    router.addRoutes(APIController(store: store, config: config).routes, atPath: "/api")
    router.add(middleware: FileMiddleware(ResourceLocator.resolve(config.public), searchForIndexHtml: false))
    let pages = PageRenderer(templates: templates)
    var board = BoardSite(
        store: store, pages: pages, setup: setup, outboxSignal: outboxSignal,
        photos: PhotoFiles(store: store, storage: photoStorage))
    board.inboxSignal = inboxSignal
    router.group("board", context: BoardRequestContext.self).add(
        middleware: MetricsMiddleware<BoardRequestContext>.board(metrics)
    )
    .addRoutes(board.routes)
    let scheduler = Scheduler(
        store: store, jobs: CalendarJobs(setup: setup), logger: logger.withLabel("schedule"),
        outboxSignal: outboxSignal)
    try SimSite.install(
        on: router, setup: setup, store: store, webhooks: webhooks, pages: pages, board: board,
        time: SimTime(scheduler: scheduler, clock: demoClock), logger: logger)
    if board.accounts.isDemo {
        logger.warning(
            "board: no board.users configured; demo accounts secretary / grid with password \(BoardAccounts.demoPassword)"
        )
    }

    var app = Application(
        router: router,
        configuration: .init(address: .hostname(config.server.host, port: config.server.port), serverName: "fengchao"),
        onServerRunning: { [logger] channel in SimSite.announce(listeningOn: channel, config: config, logger: logger) },
        logger: logger)
    var inboxWorker = InboxWorker(
        store: store, handler: handler, signal: inboxSignal, outboxSignal: outboxSignal,
        logger: logger.withLabel("inbox"))
    inboxWorker.pollInterval = dependencies.pollInterval
    inboxWorker.setup = setup
    inboxWorker.waiters = waiters
    inboxWorker.photoSignal = photoSignal
    inboxWorker.beforeHandling = dependencies.beforeHandling
    inboxWorker.metrics = metrics
    var outboxWorker = OutboxWorker(
        store: store, senders: senders, signal: outboxSignal, retryBase: config.outbound.retryBaseSeconds,
        maxAttempts: config.outbound.maxAttempts, logger: logger.withLabel("outbox"))
    outboxWorker.metrics = metrics
    var photoWorker = PhotoWorker(
        config: config, store: store, storage: photoStorage, signal: photoSignal, logger: logger.withLabel("photos"))
    photoWorker.pollInterval = dependencies.pollInterval
    photoWorker.metrics = metrics
    app.addServices(inboxWorker, outboxWorker, photoWorker)
    if let drivesScheduler = dependencies.drivesScheduler {
        drivesScheduler(scheduler)
    } else {
        app.addServices(scheduler)
    }
    // 2 is FULL: an acknowledged message survives a power cut (design §7).
    let (synchronous, journal) = (try await store.synchronousMode(), try await store.journalMode())
    logger.info("store.opened", metadata: ["synchronous": "\(synchronous)", "journal": "\(journal)"])
    let quarantined = try await store.read { tx in try tx.queue.quarantinedCounts() }
    if quarantined.inbox + quarantined.outbox + quarantined.photos > 0 {
        logger.error(
            "quarantined: work that crashed the process earlier is set aside (see the board's review page)",
            metadata: [
                "inbox": "\(quarantined.inbox)", "outbox": "\(quarantined.outbox)", "photos": "\(quarantined.photos)",
            ])
    }
    if config.admin.token == AppConfig().admin.token {
        logger.warning("admin.token is the default; set admin.token or FENGCHAO_ADMIN_TOKEN before exposing /api")
    }
    return app
}

/// The configured store; `clock` lets a tool act at another time (`fengchao jobs run --at`).
func openStore(config: AppConfig, clock: @escaping @Sendable () -> Date = { Date() }) throws -> BoardStore {
    if config.storage.path == ":memory:" {
        return try BoardStore.inMemory(rules: config.points, clock: clock)
    }
    return try BoardStore.open(directory: config.storage.path, rules: config.points, clock: clock)
}

/// One sender per channel: the generic webhook's URL (or the log), and each platform's outbound API.
private func defaultSenders(config: AppConfig, logger: Logger) -> [String: any ReplySender] {
    let timeout = config.outbound.timeoutSeconds
    var senders: [String: any ReplySender] = [:]
    if let url = URL(string: config.outbound.generic.url), !config.outbound.generic.url.isEmpty {
        senders["generic"] = GenericReplySender(url: url, timeout: timeout)
    } else {
        senders["generic"] = LogReplySender(logger: logger.withLabel("reply"))
    }
    if config.sim.enabled { senders[SimChannel.id] = SimReplySender() }
    for channel in config.channels {
        switch channel.kind {
        case .wechatOfficialAccount, .wecomApp:
            senders[channel.id] = PassiveOnlyReplySender(channel: channel.id)
        case .wecomGroupRobot:
            if let url = URL(string: channel.webhookURL) {
                senders[channel.id] = WeComRobotSender(webhookURL: url, timeout: timeout)
            }
        case .onebot11:
            if let url = URL(string: channel.apiURL), !channel.apiURL.isEmpty {
                senders[channel.id] = OneBot11ReplySender(
                    apiURL: url, accessToken: channel.accessToken.isEmpty ? nil : channel.accessToken, timeout: timeout)
            }
        case .onebot12:
            if let url = URL(string: channel.apiURL), !channel.apiURL.isEmpty {
                senders[channel.id] = OneBot12ReplySender(
                    apiURL: url, accessToken: channel.accessToken.isEmpty ? nil : channel.accessToken, timeout: timeout)
            }
        }
    }
    return senders
}

/// OneBot 12 bridges name images by file id; `get_file` turns them into URLs.
private func fileResolvers(config: AppConfig) -> [String: OneBot12FileResolver] {
    var resolvers: [String: OneBot12FileResolver] = [:]
    for channel in config.channels where channel.kind == .onebot12 {
        guard let url = URL(string: channel.apiURL), !channel.apiURL.isEmpty else { continue }
        resolvers[channel.id] = OneBot12FileResolver(
            apiURL: url, accessToken: channel.accessToken.isEmpty ? nil : channel.accessToken,
            timeout: config.outbound.timeoutSeconds)
    }
    return resolvers
}

extension Logger {
    /// Same handler and level, another label in the metadata, so worker lines say where they come from.
    func withLabel(_ component: String) -> Logger {
        var logger = self
        logger[metadataKey: "component"] = "\(component)"
        return logger
    }
}
