/// One section of `labels.yaml`: the words for the codes of one family (statuses, roles, …).
/// Loading checks that every case has its word, so a lookup by case never shows the code.
struct LabelFamily<Code: RawRepresentable & CaseIterable>: Sendable where Code.RawValue == String {
    let section: String
    private let words: [String: String]

    init(section: String, words: [String: String]?) {
        self.section = section
        self.words = words ?? [:]
    }

    /// `section.code` for every case without a word.
    var missingKeys: [String] {
        Code.allCases.filter { words[$0.rawValue] == nil }.map { "\(section).\($0.rawValue)" }
    }

    /// Every code the file names, sorted: a community may add codes the enum does not know yet.
    var codes: [String] { words.keys.sorted() }

    subscript(_ code: Code) -> String { words[code.rawValue] ?? code.rawValue }

    /// A code read from data (the database, a form): its word, or the code itself when the file has none.
    subscript(code code: String) -> String { words[code] ?? code }
}
