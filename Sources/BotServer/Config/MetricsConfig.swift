/// Who may read `GET /metrics` (`metrics.access`).
struct MetricsConfig: Sendable, Decodable, Equatable {
    var access = MetricsAccess.loopback

    enum CodingKeys: String, CodingKey {
        case access
    }

    init() {}

    init(from decoder: any Decoder) throws {
        self.init()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try c.update(&access, .access)
    }
}

enum MetricsAccess: String, Sendable, Decodable, Equatable {
    /// Open while the server listens on loopback only (whoever reaches it is on this machine, as a
    /// local Prometheus is); the admin token is needed as soon as it listens beyond.
    case loopback
    /// The admin token always (`Authorization: Bearer <admin.token>`).
    case token
}
