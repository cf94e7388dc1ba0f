import TaskBoard

/// The `duplicates:` section; a key left out keeps its default, a value that cannot work is refused
/// at start-up naming its key.
struct DuplicatesFile: Decodable {
    var rule: DuplicateRule

    enum CodingKeys: String, CodingKey {
        case radiusMeters = "radius_m"
        case windowHours = "window_hours"
        case reopenDays = "reopen_days"
        case candidateLimit = "candidate_limit"
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var r = DuplicateRule()
        try c.update(&r.radiusMeters, .radiusMeters)
        try c.update(&r.windowHours, .windowHours)
        try c.update(&r.reopenDays, .reopenDays)
        try c.update(&r.candidateLimit, .candidateLimit)
        for (key, value) in [
            (CodingKeys.radiusMeters, r.radiusMeters), (.windowHours, r.windowHours), (.reopenDays, r.reopenDays),
            (.candidateLimit, Double(r.candidateLimit)),
        ] where value < 0 {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: c, debugDescription: "duplicates.\(key.rawValue) must not be negative")
        }
        rule = r
    }
}
