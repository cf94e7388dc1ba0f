import Foundation
import Hummingbird
import Logging
import NIOCore
import TaskBoard

/// The group-chat simulator under `/sim`: a page that looks like a group chat, whose messages go
/// into the inbox through the webhook's own `store` path and whose replies come back from the outbox
/// (channel `sim`), so a newcomer can play the whole story without any platform.
struct SimSite: Sendable {
    /// The set-up in force: a group the secretary names on the board is a configured chat at once.
    let setup: LiveSetup
    var config: AppConfig { setup.current.config }
    /// The board, for the members a persona stands for and the names a transcript shows.
    let store: BoardStore
    /// The chat read back from the queues.
    let transcripts: any TranscriptStore
    let webhooks: WebhookController
    let pages: PageRenderer
    let cast: SimCast
    /// The configured groups, mirrored onto the simulator's channel.
    var groups: [GroupConfig] { config.simGroups }
    /// The cast's chats nobody configured yet.
    var unconfigured: [SimGroup] {
        let configured = Set(groups.map(\.id))
        return cast.groups.filter { !configured.contains($0.id) }
    }
    /// Sample photo file names.
    let samples: [String]
    /// Nil when no platform channel is configured: the local demo is open to whoever runs it.
    let access: SimAccessMiddleware?
    /// The 时间 control; nil when the server runs no calendar.
    var time: SimTime?

    /// A newly opened chat shows this many recent messages (and their replies).
    static let recentMessages = 60
    /// Most bubbles in one answer; the page asks again at once for the rest.
    static let pageLimit = 200
    /// A simulated message is a few ids and a line of text.
    static let maxBodyBytes = 16 * 1024
    static let maxTextLength = 1000
    /// The longest a transcript request is held open waiting for news, and how often it looks.
    static let maxWaitSeconds = 20
    static let waitStep = Duration.milliseconds(200)

    var labels: Labels { pages.labels }

    /// A chat of the simulator, configured or not.
    func knows(group id: String) -> Bool {
        groups.contains { $0.id == id } || unconfigured.contains { $0.id == id }
    }

    /// The first configured group a persona is in: where their role comes from.
    func homeGroup(of persona: SimPersona) -> GroupConfig? {
        persona.groups.lazy.compactMap { id in groups.first { $0.id == id } }.first
    }

    /// Registers `/` (the simulator when no platform is configured, else the board) and, unless
    /// `sim.enabled` is false, the simulator itself.
    static func install(
        on router: Router<AppRequestContext>, setup: LiveSetup, store: BoardStore, webhooks: WebhookController,
        pages: PageRenderer, board: BoardSite, time: SimTime?, logger: Logger
    ) throws {
        let config = setup.current.config
        let home = config.simIsOpen ? "/sim" : "/board"
        router.get("/") { _, _ in HTMLResponse.redirect(to: home) }
        guard config.sim.enabled else { return }
        let samples = SimSamples.list(publicDirectory: ResourceLocator.resolve(config.public))
        let cast = try SimCast.load(
            path: ResourceLocator.resolve(config.sim.personas), groups: config.simGroups, samples: samples,
            gazetteer: board.community.gazetteer, logger: logger)
        let access =
            config.simIsOpen
            ? nil : SimAccessMiddleware(sessions: board.sessions, accounts: board.accounts, pages: pages)
        let site = SimSite(
            setup: setup, store: store, transcripts: store, webhooks: webhooks, pages: pages, cast: cast,
            samples: samples, access: access, time: time)
        router.group("sim", context: SimRequestContext.self).addRoutes(site.routes)
    }

    var routes: RouteCollection<SimRequestContext> {
        let routes = RouteCollection(context: SimRequestContext.self)
        if let access { routes.add(middleware: access) }
        let controller = SimController(site: self)
        routes.get(use: controller.page)
        routes.get("messages", use: controller.transcript)
        routes.post("messages", use: controller.post)
        routes.post("time", use: controller.time)
        return routes
    }

    /// Tells the person who ran `fengchao serve` where to click, with the port really bound (`--port 0`).
    static func announce(listeningOn channel: any Channel, config: AppConfig, logger: Logger) {
        logger.notice("\(announcement(config: config, port: channel.localAddress?.port ?? config.server.port))")
    }

    static func announcement(config: AppConfig, port: Int) -> String {
        let host = ["0.0.0.0", "::", ""].contains(config.server.host) ? "127.0.0.1" : config.server.host
        let base = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)"
        if config.simIsOpen {
            return "open \(base)/ to try the group-chat simulator (board: \(base)/board)"
        }
        return "board at \(base)/board" + (config.sim.enabled ? ", simulator at \(base)/sim (secretary login)" : "")
    }
}
