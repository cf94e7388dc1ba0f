import Foundation

/// An `application/x-www-form-urlencoded` body or query string as name → values.
struct FormFields: Sendable, Equatable {
    private(set) var values: [String: [String]] = [:]

    init() {}

    init(encoded: String) {
        for pair in encoded.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]) else { continue }
            let value = parts.count > 1 ? Self.decode(parts[1]) ?? "" : ""
            values[name, default: []].append(value)
        }
    }

    /// The first value, trimmed; nil when absent or blank, so an empty form field means "not given".
    subscript(_ name: String) -> String? {
        guard let value = values[name]?.first?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty
        else { return nil }
        return value
    }

    func all(_ name: String) -> [String] {
        (values[name] ?? []).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    func int(_ name: String) -> Int? { self[name].flatMap { Int($0) } }

    func int64(_ name: String) -> Int64? { self[name].flatMap { Int64($0.trimmingCharacters(in: ["#"])) } }

    var isEmpty: Bool { values.isEmpty }

    private static func decode(_ part: Substring) -> String? {
        String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
