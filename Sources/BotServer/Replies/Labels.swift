import Foundation
import Yams

/// The Chinese words for the board's codes (categories, statuses, boards, roles), read from
/// `templates/labels.yaml` so that wording stays out of Swift.
struct Labels: Sendable, Decodable {
    var categories: [String: String]
    var kinds: [String: String]
    var statuses: [String: String]
    var boards: [String: String]
    var roles: [String: String]
    var actions: [String: String]
    var words: [String: String]
    /// The exchange catalog a community starts with until `board.exchange_catalog` is configured.
    var catalog: [CatalogEntry]?

    static func load(templatesDirectory: String) throws -> Labels {
        let path = URL(fileURLWithPath: templatesDirectory).appendingPathComponent("labels.yaml").path
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ConfigError.missingResource(what: "labels", path: path)
        }
        do {
            return try YAMLDecoder().decode(Labels.self, from: text)
        } catch {
            throw ConfigError.invalid(path: path, reason: "\(error)")
        }
    }

    func category(_ code: String?) -> String { code.map { categories[$0] ?? $0 } ?? word("no_category") }
    func kind(_ code: String) -> String { kinds[code] ?? code }
    func status(_ code: String) -> String { statuses[code] ?? code }
    func board(_ code: String) -> String { boards[code] ?? code }
    func role(_ code: String) -> String { roles[code] ?? code }
    func action(_ code: String) -> String { actions[code] ?? code }
    func word(_ key: String) -> String { words[key] ?? key }
}
