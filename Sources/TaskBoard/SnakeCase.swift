/// The one naming rule between Swift and the outside: tables, configuration files and the JSON webhooks
/// name things in snake_case (`item_id`, `image_urls`), Swift in camelCase with whole acronyms
/// (`itemID`, `imageURLs`). Written once, both ways, so no type lists its keys by hand.
public enum SnakeCase {
    /// Acronyms Swift writes in capitals; longest first so `URLs` wins over `URL`.
    private static let acronyms = ["URLs", "IDs", "URL", "AES", "ID"]

    /// `imageURLs` → `image_urls`, `sourceMessageID` → `source_message_id`, `sha256` → `sha256`.
    public static func snake(_ name: String) -> String {
        let characters = Array(name)
        var words: [String] = []
        var word = ""
        var index = 0
        while index < characters.count {
            let character = characters[index]
            guard character.isUppercase else {
                word.append(character)
                index += 1
                continue
            }
            if !word.isEmpty { words.append(word) }
            word = ""
            if let acronym = acronym(in: characters, at: index) {
                words.append(acronym.lowercased())
                index += acronym.count
            } else {
                word = character.lowercased()
                index += 1
            }
        }
        if !word.isEmpty { words.append(word) }
        return words.joined(separator: "_")
    }

    /// `image_urls` → `imageURLs`, `item_id` → `itemID`, `id` → `id`: the inverse of `snake(_:)`.
    public static func camel(_ name: String) -> String {
        let words = name.split(separator: "_", omittingEmptySubsequences: false)
        guard let first = words.first else { return name }
        return String(first)
            + words.dropFirst().map { word in
                if let acronym = acronyms.first(where: { $0.lowercased() == word }) { return acronym }
                return word.prefix(1).uppercased() + word.dropFirst()
            }.joined()
    }

    /// An acronym standing whole at `index`: followed by the end, a capital or a digit.
    private static func acronym(in characters: [Character], at index: Int) -> String? {
        acronyms.first { acronym in
            let end = index + acronym.count
            guard end <= characters.count, String(characters[index..<end]) == acronym else { return false }
            return end == characters.count || characters[end].isUppercase || characters[end].isNumber
        }
    }
}
