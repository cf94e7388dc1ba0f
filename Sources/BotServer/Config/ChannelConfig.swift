import Foundation

/// One platform connection: where its webhooks arrive and how replies leave. Several may run at once.
///
/// Secrets (tokens, keys, webhook URLs) may come from the environment as
/// `FENGCHAO_CHANNEL_<ID>_<KEY>` (e.g. `FENGCHAO_CHANNEL_OA1_TOKEN`) so they stay out of files, and
/// `description` never prints them.
struct ChannelConfig: Sendable, Decodable, Equatable, CustomStringConvertible {
    var id: String
    var kind: ChannelKind
    /// WeChat / WeCom signature token; several may be valid while one is rotated (comma-separated).
    var token = ""
    /// WeChat / WeCom EncodingAESKey; empty means plain mode (Official Account only).
    var encodingAESKey = ""
    var appID = ""
    var corpID = ""
    /// WeCom group robot webhook (contains the robot's key).
    var webhookURL = ""
    /// OneBot 11 HTTP POST secret (X-Signature).
    var secret = ""
    /// OneBot access token, checked inbound and sent outbound.
    var accessToken = ""
    /// OneBot HTTP API base URL.
    var apiURL = ""
    /// WeChat/WeCom: refuse signed timestamps further than this from now, and a (timestamp, nonce)
    /// seen before with another body: a leaked push URL cannot be replayed with a forged body.
    /// `0` turns the check off (replaying recorded vectors).
    var maxClockSkewSeconds: Int64? = 300
    /// Official Account with an EncodingAESKey: also accept plain pushes. Off: a plain push's
    /// signature never covers its body, so a safe-mode account takes encrypted pushes only.
    var allowPlain = false

    enum CodingKeys: String, CodingKey {
        case id, kind, token, secret
        case encodingAESKey = "encoding_aes_key"
        case appID = "app_id"
        case corpID = "corp_id"
        case webhookURL = "webhook_url"
        case accessToken = "access_token"
        case apiURL = "api_url"
        case maxClockSkewSeconds = "max_clock_skew_seconds"
        case allowPlain = "allow_plain"
    }

    init(id: String, kind: ChannelKind) {
        self.id = id
        self.kind = kind
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(String.self, forKey: .id), kind: try c.decode(ChannelKind.self, forKey: .kind))
        try c.update(&token, .token)
        try c.update(&encodingAESKey, .encodingAESKey)
        try c.update(&appID, .appID)
        try c.update(&corpID, .corpID)
        try c.update(&webhookURL, .webhookURL)
        try c.update(&secret, .secret)
        try c.update(&accessToken, .accessToken)
        try c.update(&apiURL, .apiURL)
        if let skew = try c.decodeIfPresent(Int64.self, forKey: .maxClockSkewSeconds) {
            maxClockSkewSeconds = skew > 0 ? skew : nil
        }
        try c.update(&allowPlain, .allowPlain)
    }

    /// All valid tokens (rotation: "new,old").
    var tokens: [String] { Self.rotation(token) }

    /// OneBot's access tokens, rotated the same way.
    var accessTokens: [String] { Self.rotation(accessToken) }

    /// "new,old" → both, so a secret can be changed without refusing the platform meanwhile.
    private static func rotation(_ value: String) -> [String] {
        value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// Environment values override the file, key by key.
    mutating func applyEnvironment(_ environment: [String: String]) {
        let prefix =
            "FENGCHAO_CHANNEL_" + id.uppercased().map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined() + "_"
        func value(_ key: String) -> String? { environment[prefix + key] }
        if let v = value("TOKEN") { token = v }
        if let v = value("ENCODING_AES_KEY") { encodingAESKey = v }
        if let v = value("APP_ID") { appID = v }
        if let v = value("CORP_ID") { corpID = v }
        if let v = value("WEBHOOK_URL") { webhookURL = v }
        if let v = value("SECRET") { secret = v }
        if let v = value("ACCESS_TOKEN") { accessToken = v }
        if let v = value("API_URL") { apiURL = v }
    }

    /// What start-up checks: each kind's required keys, each URL's form.
    func validate() throws {
        func require(_ value: String, _ key: String) throws {
            if value.isEmpty {
                throw ConfigError.invalidValue(
                    key: "channels[\(id)].\(key)", reason: "required for kind \(kind.rawValue)")
            }
        }
        func requireURL(_ value: String, _ key: String) throws {
            try require(value, key)
            guard let url = URL(string: value), let scheme = url.scheme, ["http", "https"].contains(scheme),
                url.host != nil
            else { throw ConfigError.invalidValue(key: "channels[\(id)].\(key)", reason: "must be an http(s) URL") }
        }
        switch kind {
        case .wechatOfficialAccount:
            try require(token, "token")
            if !encodingAESKey.isEmpty { try require(appID, "app_id") }
        case .wecomApp:
            try require(token, "token")
            try require(encodingAESKey, "encoding_aes_key")
            try require(corpID, "corp_id")
        case .wecomGroupRobot:
            try requireURL(webhookURL, "webhook_url")
        case .onebot11, .onebot12:
            if !apiURL.isEmpty { try requireURL(apiURL, "api_url") }
        }
        if !encodingAESKey.isEmpty && encodingAESKey.count != 43 {
            throw ConfigError.invalidValue(key: "channels[\(id)].encoding_aes_key", reason: "must be 43 characters")
        }
    }

    var description: String {
        let set = { (value: String) in value.isEmpty ? "unset" : "set" }
        return
            "ChannelConfig(id: \(id), kind: \(kind.rawValue), token: \(set(token)), encoding_aes_key: \(set(encodingAESKey)), secret: \(set(secret)), access_token: \(set(accessToken)), webhook_url: \(set(webhookURL)), api_url: \(apiURL))"
    }
}

/// The platforms fengchao speaks.
enum ChannelKind: String, Sendable, Codable, Equatable, CaseIterable {
    case wechatOfficialAccount = "wechat_official_account"
    case wecomApp = "wecom_app"
    case wecomGroupRobot = "wecom_group_robot"
    case onebot11
    case onebot12

    /// The webhook path segment: `/webhook/<segment>/<channel id>`; nil for send-only channels.
    var webhookSegment: String? {
        switch self {
        case .wechatOfficialAccount: "wechat"
        case .wecomApp: "wecom"
        case .wecomGroupRobot: nil
        case .onebot11: "onebot11"
        case .onebot12: "onebot12"
        }
    }

    /// Channels whose replies go back in the webhook's own HTTP answer (1:1 chats of WeChat/WeCom).
    var answersPassively: Bool { self == .wechatOfficialAccount || self == .wecomApp }
}
