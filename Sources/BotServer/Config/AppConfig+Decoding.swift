import Foundation
import TaskBoard

// A configuration file names only what it changes, so every key falls back to its default.

extension AppConfig {
    enum CodingKeys: String, CodingKey {
        case server, storage, admin, community, lexicon, model, templates, timezone, groups, people, points, webhooks, outbound
        case conversation, channels, board, photos, `public`, sim
        case passiveReplyBudgetMilliseconds = "passive_reply_budget_ms"
        case logLevel = "log_level"
    }

    init(from decoder: any Decoder) throws {
        let defaults = AppConfig()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        server = try c.decodeIfPresent(Server.self, forKey: .server) ?? defaults.server
        storage = try c.decodeIfPresent(Storage.self, forKey: .storage) ?? defaults.storage
        admin = try c.decodeIfPresent(Admin.self, forKey: .admin) ?? defaults.admin
        community = try c.decodeIfPresent(String.self, forKey: .community) ?? defaults.community
        lexicon = try c.decodeIfPresent(String.self, forKey: .lexicon) ?? defaults.lexicon
        model = try c.decodeIfPresent(String.self, forKey: .model) ?? defaults.model
        templates = try c.decodeIfPresent(String.self, forKey: .templates) ?? defaults.templates
        `public` = try c.decodeIfPresent(String.self, forKey: .public) ?? defaults.public
        timezone = try c.decodeIfPresent(String.self, forKey: .timezone) ?? defaults.timezone
        logLevel = try c.decodeIfPresent(String.self, forKey: .logLevel) ?? defaults.logLevel
        groups = try c.decodeIfPresent([GroupConfig].self, forKey: .groups) ?? defaults.groups
        people = try c.decodeIfPresent(People.self, forKey: .people) ?? defaults.people
        points = try c.decodeIfPresent(PointsFile.self, forKey: .points)?.rules ?? defaults.points
        webhooks = try c.decodeIfPresent(Webhooks.self, forKey: .webhooks) ?? defaults.webhooks
        outbound = try c.decodeIfPresent(Outbound.self, forKey: .outbound) ?? defaults.outbound
        conversation = try c.decodeIfPresent(ConversationSettings.self, forKey: .conversation) ?? defaults.conversation
        channels = try c.decodeIfPresent([ChannelConfig].self, forKey: .channels) ?? []
        photos = try c.decodeIfPresent(PhotoSettings.self, forKey: .photos) ?? defaults.photos
        board = try c.decodeIfPresent(BoardConfig.self, forKey: .board) ?? defaults.board
        sim = try c.decodeIfPresent(SimConfig.self, forKey: .sim) ?? defaults.sim
        passiveReplyBudgetMilliseconds =
            try c.decodeIfPresent(Int.self, forKey: .passiveReplyBudgetMilliseconds)
            ?? defaults.passiveReplyBudgetMilliseconds
    }
}

extension AppConfig.Server {
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        host = try c.decodeIfPresent(String.self, forKey: .host) ?? "127.0.0.1"
        port = try c.decodeIfPresent(Int.self, forKey: .port) ?? 8080
    }
}

extension AppConfig.Storage {
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        path = try c.decodeIfPresent(String.self, forKey: .path) ?? "./fengchao-data"
    }
}

extension AppConfig.Admin {
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        token = try c.decodeIfPresent(String.self, forKey: .token) ?? "change-me"
    }
}

extension AppConfig.People {
    enum CodingKeys: String, CodingKey {
        case secretaries
        case gridWorkers = "grid_workers"
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        secretaries = try c.decodeIfPresent([String].self, forKey: .secretaries) ?? []
        gridWorkers = try c.decodeIfPresent([String: [String]].self, forKey: .gridWorkers) ?? [:]
    }
}

extension AppConfig.Webhooks {
    enum CodingKeys: String, CodingKey {
        case generic
        case maxBodyBytes = "max_body_bytes"
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        generic = try c.decodeIfPresent(AppConfig.GenericWebhook.self, forKey: .generic) ?? .init()
        maxBodyBytes = try c.decodeIfPresent(Int.self, forKey: .maxBodyBytes) ?? (1 << 20)
    }
}

extension AppConfig.GenericWebhook {
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        secret = try c.decodeIfPresent(String.self, forKey: .secret) ?? ""
    }
}

extension AppConfig.Outbound {
    enum CodingKeys: String, CodingKey {
        case generic
        case retryBaseSeconds = "retry_base_seconds"
        case maxAttempts = "max_attempts"
        case timeoutSeconds = "timeout_seconds"
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        generic = try c.decodeIfPresent(AppConfig.GenericOutbound.self, forKey: .generic) ?? .init()
        retryBaseSeconds = try c.decodeIfPresent(Double.self, forKey: .retryBaseSeconds) ?? 1
        maxAttempts = try c.decodeIfPresent(Int.self, forKey: .maxAttempts) ?? 7
        timeoutSeconds = try c.decodeIfPresent(Double.self, forKey: .timeoutSeconds) ?? 10
    }
}

extension AppConfig.GenericOutbound {
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        url = try c.decodeIfPresent(String.self, forKey: .url) ?? ""
    }
}

extension GroupConfig {
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        role = try c.decode(GroupRole.self, forKey: .role)
        channel = try c.decodeIfPresent(String.self, forKey: .channel) ?? "generic"
        replyVia = try c.decodeIfPresent(String.self, forKey: .replyVia)
    }
}

/// The `points:` section in snake_case; any rule left out keeps its default.
struct PointsFile: Decodable {
    var rules: PointRules

    enum CodingKeys: String, CodingKey {
        case reportAccepted = "report_accepted"
        case reportVerified = "report_verified"
        case taskVerified = "task_verified"
        case hardWishVerified = "hard_wish_verified"
        case suggestionAdopted = "suggestion_adopted"
        case invalidReport = "invalid_report"
        case maxOpenClaims = "max_open_claims"
        case issueDeadlineHours = "issue_deadline_hours"
        case wishDeadlineHours = "wish_deadline_hours"
        case suggestionDeadlineHours = "suggestion_deadline_hours"
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var r = PointRules()
        r.reportAccepted = try c.decodeIfPresent(Int.self, forKey: .reportAccepted) ?? r.reportAccepted
        r.reportVerified = try c.decodeIfPresent(Int.self, forKey: .reportVerified) ?? r.reportVerified
        r.taskVerified = try c.decodeIfPresent(Int.self, forKey: .taskVerified) ?? r.taskVerified
        r.hardWishVerified = try c.decodeIfPresent(Int.self, forKey: .hardWishVerified) ?? r.hardWishVerified
        r.suggestionAdopted = try c.decodeIfPresent(Int.self, forKey: .suggestionAdopted) ?? r.suggestionAdopted
        r.invalidReport = try c.decodeIfPresent(Int.self, forKey: .invalidReport) ?? r.invalidReport
        r.maxOpenClaims = try c.decodeIfPresent(Int.self, forKey: .maxOpenClaims) ?? r.maxOpenClaims
        r.issueDeadlineHours = try c.decodeIfPresent(Int.self, forKey: .issueDeadlineHours) ?? r.issueDeadlineHours
        r.wishDeadlineHours = try c.decodeIfPresent(Int.self, forKey: .wishDeadlineHours) ?? r.wishDeadlineHours
        r.suggestionDeadlineHours =
            try c.decodeIfPresent(Int.self, forKey: .suggestionDeadlineHours) ?? r.suggestionDeadlineHours
        rules = r
    }
}

extension AppConfig.ConversationSettings {
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        windowSeconds = try c.decodeIfPresent(Double.self, forKey: .windowSeconds) ?? 300
        questionMinutes = try c.decodeIfPresent(Double.self, forKey: .questionMinutes) ?? 30
    }
}
