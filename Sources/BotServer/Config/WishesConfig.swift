import TaskBoard

/// The `wishes:` section (微心愿): whether the secretary approves a wish before members see it, how a
/// beneficiary is named in the groups, and when an unclaimed wish is pointed out to the secretary.
struct WishesConfig: Sendable, Decodable, Equatable {
    /// A wish waits on the board until the secretary approves it (点单 → 派单); false publishes it when filed.
    var approval = true
    /// Forms of address shown after the surname ("张奶奶"); the full name never reaches a group. Nil:
    /// the lexicon's (`wish.titles`).
    var titles: [String]?
    /// Who the beneficiary is when the wish names nobody; nil: the word in `labels.yaml`.
    var neutral: String?
    /// An approved wish nobody claimed for this many days is marked for the secretary; 0 turns it off.
    var unclaimedDays = 14
    /// The most wishes one publication lists (the oldest first); the rest are counted.
    var listLimit = 20

    enum CodingKeys: String, CodingKey {
        case approval, titles, neutral
        case unclaimedDays = "unclaimed_days"
        case listLimit = "list_limit"
    }

    init() {}

    init(from decoder: any Decoder) throws {
        self.init()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try c.update(&approval, .approval)
        titles = try c.decodeIfPresent([String].self, forKey: .titles) ?? titles
        neutral = try c.decodeIfPresent(String.self, forKey: .neutral) ?? neutral
        try c.update(&unclaimedDays, .unclaimedDays)
        try c.update(&listLimit, .listLimit)
    }

    func validate() throws {
        guard unclaimedDays >= 0 else {
            throw ConfigError.invalidValue(key: "wishes.unclaimed_days", reason: "must be 0 (off) or more days")
        }
        guard listLimit > 0 else {
            throw ConfigError.invalidValue(key: "wishes.list_limit", reason: "must be 1 or more")
        }
    }
}
