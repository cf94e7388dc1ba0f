import IntentParser
import TaskBoard

extension AppConfig {
    /// `points.by_category` names categories the parser knows, with amounts a ledger can book: a
    /// typo would otherwise pay the default amount without a word.
    func validatePointsByCategory() throws {
        for (code, amounts) in points.byCategory.sorted(by: { $0.key < $1.key }) {
            guard Category(rawValue: code) != nil else {
                throw ConfigError.invalidValue(
                    key: "points.by_category.\(code)",
                    reason: "unknown category; use one of \(Category.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let given = [amounts.reportAccepted, amounts.reportVerified, amounts.taskVerified].compactMap { $0 }
            guard given.allSatisfy({ $0 >= 0 }) else {
                throw ConfigError.invalidValue(key: "points.by_category.\(code)", reason: "amounts must be 0 or more")
            }
        }
    }
}
