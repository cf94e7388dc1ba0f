import IntentParser
import TaskBoard

/// The `deadlines:` section, hours from a report to its 办结时限: per kind, and per category for
/// issues. A key left out keeps its default (`points.*_deadline_hours` of older files still count).
struct DeadlinesFile: Decodable {
    var issue: Int?
    var wish: Int?
    var suggestion: Int?
    var byCategory: [String: Int]?

    enum CodingKeys: String, CodingKey {
        case issue, wish, suggestion
        case byCategory = "by_category"
    }

    /// A category listed replaces its default; one left out keeps it.
    func apply(to rules: inout PointRules) {
        if let issue { rules.issueDeadlineHours = issue }
        if let wish { rules.wishDeadlineHours = wish }
        if let suggestion { rules.suggestionDeadlineHours = suggestion }
        rules.categoryDeadlineHours.merge(byCategory ?? [:]) { _, configured in configured }
    }
}

extension AppConfig {
    /// Every deadline positive, every category one the parser knows: checked at start-up.
    func validateDeadlines() throws {
        let kinds = [
            ("issue", points.issueDeadlineHours), ("wish", points.wishDeadlineHours),
            ("suggestion", points.suggestionDeadlineHours),
        ]
        for (key, hours) in kinds where hours <= 0 {
            throw ConfigError.invalidValue(key: "deadlines.\(key)", reason: "must be a positive number of hours")
        }
        for (code, hours) in points.categoryDeadlineHours.sorted(by: { $0.key < $1.key }) {
            guard Category(rawValue: code) != nil else {
                let known = Category.allCases.map(\.rawValue).joined(separator: ", ")
                throw ConfigError.invalidValue(
                    key: "deadlines.by_category.\(code)", reason: "not a category; the categories are \(known)")
            }
            guard hours > 0 else {
                throw ConfigError.invalidValue(
                    key: "deadlines.by_category.\(code)", reason: "must be a positive number of hours")
            }
        }
    }
}
