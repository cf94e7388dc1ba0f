import Foundation
import TaskBoard

// A configuration file names only what it changes: each section starts from its declared defaults
// (the one place a default is written) and takes the keys the file names.

extension KeyedDecodingContainer {
    /// Overwrites `value` when the file names `key`; the declared default stays otherwise.
    func update<T: Decodable>(_ value: inout T, _ key: Key) throws {
        if let decoded = try decodeIfPresent(T.self, forKey: key) { value = decoded }
    }
}

extension AppConfig {
    enum CodingKeys: String, CodingKey {
        case server, storage, admin, community, lexicon, model, templates, timezone, groups, people, points, webhooks,
            outbound
        case conversation, channels, board, photos, `public`, sim, schedule, registration, metrics, deadlines
        case escalation
        case duplicates
        case wishes
        case passiveReplyBudgetMilliseconds = "passive_reply_budget_ms"
        case logLevel = "log_level"
    }

    init(from decoder: any Decoder) throws {
        self.init()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try c.update(&server, .server)
        try c.update(&storage, .storage)
        try c.update(&admin, .admin)
        try c.update(&community, .community)
        try c.update(&lexicon, .lexicon)
        try c.update(&model, .model)
        try c.update(&templates, .templates)
        try c.update(&`public`, .public)
        try c.update(&timezone, .timezone)
        try c.update(&logLevel, .logLevel)
        try c.update(&groups, .groups)
        try c.update(&people, .people)
        points = try c.decodeIfPresent(PointsFile.self, forKey: .points)?.rules ?? points
        try c.decodeIfPresent(DeadlinesFile.self, forKey: .deadlines)?.apply(to: &points)
        registration = try c.decodeIfPresent(RegistrationFile.self, forKey: .registration)?.rule ?? registration
        duplicates = try c.decodeIfPresent(DuplicatesFile.self, forKey: .duplicates)?.rule ?? duplicates
        try c.update(&webhooks, .webhooks)
        try c.update(&outbound, .outbound)
        try c.update(&conversation, .conversation)
        try c.update(&channels, .channels)
        try c.update(&photos, .photos)
        try c.update(&board, .board)
        try c.update(&sim, .sim)
        try c.update(&schedule, .schedule)
        try c.update(&wishes, .wishes)
        try c.update(&metrics, .metrics)
        try c.update(&escalation, .escalation)
        try c.update(&passiveReplyBudgetMilliseconds, .passiveReplyBudgetMilliseconds)
    }
}

extension AppConfig.Server {
    init(from decoder: any Decoder) throws {
        self.init()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try c.update(&host, .host)
        try c.update(&port, .port)
    }
}

extension AppConfig.Storage {
    init(from decoder: any Decoder) throws {
        self.init()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try c.update(&path, .path)
    }
}

extension AppConfig.Admin {
    init(from decoder: any Decoder) throws {
        self.init()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try c.update(&token, .token)
    }
}

extension AppConfig.People {
    enum CodingKeys: String, CodingKey {
        case secretaries
        case gridWorkers = "grid_workers"
    }

    init(from decoder: any Decoder) throws {
        self.init()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try c.update(&secretaries, .secretaries)
        try c.update(&gridWorkers, .gridWorkers)
    }
}

extension AppConfig.Webhooks {
    enum CodingKeys: String, CodingKey {
        case generic
        case maxBodyBytes = "max_body_bytes"
    }

    init(from decoder: any Decoder) throws {
        self.init()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try c.update(&generic, .generic)
        try c.update(&maxBodyBytes, .maxBodyBytes)
    }
}

extension AppConfig.GenericWebhook {
    init(from decoder: any Decoder) throws {
        self.init()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try c.update(&secret, .secret)
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
        self.init()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try c.update(&generic, .generic)
        try c.update(&retryBaseSeconds, .retryBaseSeconds)
        try c.update(&maxAttempts, .maxAttempts)
        try c.update(&timeoutSeconds, .timeoutSeconds)
    }
}

extension AppConfig.GenericOutbound {
    init(from decoder: any Decoder) throws {
        self.init()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try c.update(&url, .url)
    }
}

extension GroupConfig {
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        role = try c.decode(GroupRole.self, forKey: .role)
        try c.update(&channel, .channel)
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
        case staffEarn = "staff_earn"
        case byCategory = "by_category"
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var r = PointRules()
        try c.update(&r.reportAccepted, .reportAccepted)
        try c.update(&r.reportVerified, .reportVerified)
        try c.update(&r.taskVerified, .taskVerified)
        try c.update(&r.hardWishVerified, .hardWishVerified)
        try c.update(&r.suggestionAdopted, .suggestionAdopted)
        try c.update(&r.invalidReport, .invalidReport)
        try c.update(&r.maxOpenClaims, .maxOpenClaims)
        try c.update(&r.issueDeadlineHours, .issueDeadlineHours)
        try c.update(&r.wishDeadlineHours, .wishDeadlineHours)
        try c.update(&r.suggestionDeadlineHours, .suggestionDeadlineHours)
        try c.update(&r.staffEarn, .staffEarn)
        r.byCategory =
            try c.decodeIfPresent([String: CategoryPointsFile].self, forKey: .byCategory)?
            .mapValues(\.points) ?? r.byCategory
        rules = r
    }
}

/// One category's amounts under `points.by_category`: a number is what its report pays on acceptance
/// (`manhole: 3`); a map names any of `report_accepted`, `report_verified`, `task_verified`.
struct CategoryPointsFile: Decodable {
    var points: CategoryPoints

    enum CodingKeys: String, CodingKey {
        case reportAccepted = "report_accepted"
        case reportVerified = "report_verified"
        case taskVerified = "task_verified"
    }

    init(from decoder: any Decoder) throws {
        if let accepted = try? decoder.singleValueContainer().decode(Int.self) {
            points = CategoryPoints(reportAccepted: accepted)
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        points = CategoryPoints(
            reportAccepted: try c.decodeIfPresent(Int.self, forKey: .reportAccepted),
            reportVerified: try c.decodeIfPresent(Int.self, forKey: .reportVerified),
            taskVerified: try c.decodeIfPresent(Int.self, forKey: .taskVerified))
    }
}

/// The `registration:` section; a key left out keeps its default.
struct RegistrationFile: Decodable {
    var rule: RegistrationRule

    enum CodingKeys: String, CodingKey { case required, approval }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var r = RegistrationRule()
        try c.update(&r.required, .required)
        try c.update(&r.approval, .approval)
        rule = r
    }
}

extension AppConfig.ConversationSettings {
    init(from decoder: any Decoder) throws {
        self.init()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try c.update(&windowSeconds, .windowSeconds)
        try c.update(&questionMinutes, .questionMinutes)
        try c.update(&parseLimit, .parseLimit)
    }
}
