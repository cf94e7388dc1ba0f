import Foundation
import TaskBoard

/// Everything the server needs to run, as one value: defaults run `fengchao serve` with nothing set.
///
/// Keys mirror `config/fengchao.example.yaml`; every key is optional in the file.
struct AppConfig: Sendable, Decodable, Equatable {
    var server = Server()
    var storage = Storage()
    var admin = Admin()
    /// The gazetteer: grids, estates, aliases, landmarks.
    var community = "config/community.yaml"
    /// The parser's vocabulary.
    var lexicon = "config/lexicon.yaml"
    /// The parser's learned model (`fengchao train` writes it); empty: the rules alone.
    var model = "config/model.txt"
    /// Reply texts and pages.
    var templates = "templates"
    /// Files served as they are, and the simulator's sample photos (`sim-sample:NAME` is `sim/photos/NAME` here).
    var `public` = "public"
    /// Weeks and days (leaderboard, deadlines) are counted in this zone.
    var timezone = "Asia/Shanghai"
    var logLevel = "info"
    var groups: [GroupConfig] = [
        GroupConfig(id: "riders-1", role: .riders),
        GroupConfig(id: "members-1", role: .members),
    ]
    var people = People.demo
    var points = PointRules()
    /// 报到 first: party members register (and, if asked, are approved) before they claim.
    var registration = RegistrationRule()
    /// Reports of the same thing joined to the open item; closed items reopened ("#3 又坏了").
    var duplicates = DuplicateRule()
    var webhooks = Webhooks()
    var outbound = Outbound()
    var conversation = ConversationSettings()
    var channels: [ChannelConfig] = []
    var photos = PhotoSettings()
    var board = BoardConfig()
    var sim = SimConfig()
    var schedule = ScheduleSettings()
    /// 微心愿: approval before publication, how beneficiaries are named in the groups.
    var wishes = WishesConfig()
    var metrics = MetricsConfig()
    /// 吹哨报到: the departments items are handed to, and the levels above the community.
    var escalation = EscalationSettings()
    /// How long a WeChat/WeCom webhook waits for the reply to answer it passively (WeChat gives up at 5 s).
    var passiveReplyBudgetMilliseconds = 3000

    struct ConversationSettings: Sendable, Decodable, Equatable {
        /// A photo joins the same sender's text within this many seconds, before or after.
        var windowSeconds = 300.0
        /// How long the bot waits for the answer to "请补充小区和楼栋".
        var questionMinutes = 30.0
        /// Characters of a message the parser reads (a long group notice is about 2,000): the rest is
        /// stored and filed with the item but not read, so no message can hold up the ones behind it.
        var parseLimit = 2000

        enum CodingKeys: String, CodingKey {
            case windowSeconds = "window_seconds"
            case questionMinutes = "question_minutes"
            case parseLimit = "parse_limit"
        }
    }

    struct Server: Sendable, Decodable, Equatable {
        var host = "127.0.0.1"
        var port = 8080

        enum CodingKeys: String, CodingKey { case host, port }
    }

    struct Storage: Sendable, Decodable, Equatable {
        /// The SQLite file and photos live here; `:memory:` keeps everything in memory (tests).
        var path = "./fengchao-data"

        enum CodingKeys: String, CodingKey { case path }
    }

    struct Admin: Sendable, Decodable, Equatable {
        /// Bearer token for `/api`.
        var token = "change-me"

        enum CodingKeys: String, CodingKey { case token }
    }

    /// Who holds a role. A `people:` section means exactly what it names; the demo cast applies only
    /// when the file has no such section, so no demo id can hold a role in a real deployment's file.
    /// Each entry names its channel (`{channel: ob11, id: "123"}`); a bare id is the generic webhook's.
    struct People: Sendable, Codable, Equatable {
        var secretaries: [PersonRef] = []
        /// Grid id → that grid's workers.
        var gridWorkers: [String: [PersonRef]] = [:]

        /// The demo community's secretary and grid worker.
        static let demo = People(secretaries: ["sec-1"], gridWorkers: ["G1": ["gw-1"]])
    }

    struct Webhooks: Sendable, Decodable, Equatable {
        var generic = GenericWebhook()
        /// Larger bodies are refused with 413.
        var maxBodyBytes = 1 << 20
    }

    struct GenericWebhook: Sendable, Decodable, Equatable {
        /// Empty: no signature required.
        var secret = ""

        enum CodingKeys: String, CodingKey { case secret }
    }

    struct Outbound: Sendable, Decodable, Equatable {
        var generic = GenericOutbound()
        /// First retry delay; each later one doubles.
        var retryBaseSeconds = 1.0
        /// After this many failed attempts a reply is marked failed.
        var maxAttempts = 7
        var timeoutSeconds = 10.0
    }

    struct GenericOutbound: Sendable, Decodable, Equatable {
        /// Empty: replies are written to the log.
        var url = ""

        enum CodingKeys: String, CodingKey { case url }
    }
}

/// Which kind of group a chat is: it decides the default role of a new sender.
struct GroupConfig: Sendable, Codable, Equatable {
    var id: String
    var role: GroupRole
    /// The channel the group belongs to; `generic` for the JSON webhook.
    var channel = "generic"
    /// Another channel that carries this group's replies (a WeCom group robot for a WeCom app's chats).
    var replyVia: String?

    enum CodingKeys: String, CodingKey {
        case id, role, channel
        case replyVia = "reply_via"
    }

    init(id: String, role: GroupRole, channel: String = "generic", replyVia: String? = nil) {
        self.id = id
        self.role = role
        self.channel = channel
        self.replyVia = replyVia
    }
}

/// 蜂巢驿站 (riders) or 在职党员群 (members).
enum GroupRole: String, Sendable, Codable, CaseIterable {
    case riders, members
}
