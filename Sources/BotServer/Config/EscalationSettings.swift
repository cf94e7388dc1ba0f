/// The `escalation:` section (吹哨报到): the departments an item can be handed to, each with its own
/// deadline and optional contact group, and the levels above the community a second escalation climbs.
/// With nothing configured the common departments of a street apply.
struct EscalationSettings: Sendable, Decodable, Equatable {
    /// From the community up: a first escalation goes to the second entry, each further one a level up.
    var levels = ["社区", "街道", "区"]
    var departments = Department.defaults
    /// Words that ask for the next level rather than a department ("报上级 #12"); a level's own name
    /// ("区里" is not one, "区" is) asks the same.
    var up = ["上级", "上一级", "区里"]

    struct Department: Sendable, Decodable, Equatable {
        var name: String
        /// How long the department has to answer and solve what it is handed.
        var deadlineHours = 72
        /// Other names people write for it (城管局, 综合执法 → 城管).
        var aliases: [String] = []
        /// The group where the department hears of items and chases (written like a person:
        /// `{channel: ob11, id: "123"}` or a bare generic id); none: the secretary chases by hand.
        var group: PersonRef?

        enum CodingKeys: String, CodingKey {
            case name, aliases, group
            case deadlineHours = "deadline_hours"
        }

        init(name: String, deadlineHours: Int, aliases: [String] = [], group: PersonRef? = nil) {
            self.name = name
            self.deadlineHours = deadlineHours
            self.aliases = aliases
            self.group = group
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decode(String.self, forKey: .name)
            try c.update(&deadlineHours, .deadlineHours)
            try c.update(&aliases, .aliases)
            group = try c.decodeIfPresent(PersonRef.self, forKey: .group)
        }

        static let defaults = [
            Department(name: "街道", deadlineHours: 72, aliases: ["街道办", "街道办事处"]),
            Department(name: "城管", deadlineHours: 48, aliases: ["城管局", "城管科", "综合执法", "执法队", "街道综合执法"]),
            Department(name: "住建", deadlineHours: 120, aliases: ["住建局"]),
            Department(name: "供电所", deadlineHours: 24, aliases: ["供电公司", "电力公司"]),
            Department(name: "派出所", deadlineHours: 24, aliases: ["公安", "民警"]),
            Department(name: "环保", deadlineHours: 72, aliases: ["环保局", "生态环境局"]),
            Department(name: "物业", deadlineHours: 24, aliases: ["物业公司"]),
        ]
    }

    enum CodingKeys: String, CodingKey { case levels, departments, up }

    init() {}

    init(from decoder: any Decoder) throws {
        self.init()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try c.update(&levels, .levels)
        try c.update(&departments, .departments)
        try c.update(&up, .up)
    }

    /// Whether the words ask for the next level, not a department.
    func asksForNextLevel(_ words: String?) -> Bool {
        guard let words, !words.isEmpty else { return true }
        return up.contains(words) || levels.dropFirst().contains(words)
    }

    /// The department a name stands for: its name or an alias exactly, else the longest name or alias
    /// the words contain ("街道综合执法" → 城管). Nil for none.
    func department(named words: String?) -> Department? {
        guard let words, !words.isEmpty else { return nil }
        if let exact = departments.first(where: { $0.name == words || $0.aliases.contains(words) }) { return exact }
        var best: (department: Department, length: Int)?
        for department in departments {
            for name in [department.name] + department.aliases
            where words.contains(name) && name.count > (best?.length ?? 0) {
                best = (department, name.count)
            }
        }
        return best?.department
    }

    /// The department an item waits on, by the name stored on it.
    func department(of item: String?) -> Department? {
        departments.first { $0.name == item }
    }

    /// Levels above the community: how far escalations climb.
    var topLevel: Int { max(levels.count - 1, 1) }

    /// A level's name ("街道" for 1); the highest for anything beyond.
    func levelName(_ level: Int) -> String? {
        levels.isEmpty ? nil : levels[min(max(level, 0), levels.count - 1)]
    }

    /// Start-up check, naming the key.
    func validate() throws {
        guard levels.count >= 2 else {
            throw ConfigError.invalidValue(
                key: "escalation.levels", reason: "name the community and at least one level above it")
        }
        var seen = Set<String>()
        for department in departments {
            guard !department.name.isEmpty, department.deadlineHours > 0 else {
                throw ConfigError.invalidValue(
                    key: "escalation.departments",
                    reason: "\"\(department.name)\" needs a name and deadline_hours above 0")
            }
            for name in [department.name] + department.aliases where !seen.insert(name).inserted {
                throw ConfigError.invalidValue(
                    key: "escalation.departments", reason: "\"\(name)\" names two departments")
            }
        }
    }
}
