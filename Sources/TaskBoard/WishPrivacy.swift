/// How a wish is shown in the groups (issue 13, 晒单 and the weekly 微心愿): the beneficiary by
/// surname and title ("张桂英奶奶" → "张奶奶"), a neutral word when the text names nobody, and never
/// a phone number or a room. The board, behind its login, keeps the whole text.
public struct WishPrivacy: Sendable, Equatable {
    /// One-character surnames (the lexicon's list): what may stand before a title as a name.
    public var surnames: Set<Character>
    /// Forms of address that follow a surname (奶奶, 大爷, 阿姨 …), longest first.
    public var titles: [String]
    /// Who the beneficiary is when the text names nobody (居民).
    public var neutral: String
    /// What a number stands beside: the lexicon's words, which make it a room or a count.
    public var numbers: NumberWords

    /// What hides a phone number or a room in the shown text.
    public static let hidden = "***"
    /// The longest given name kept out of a group: "张桂英奶奶" has two characters between 张 and 奶奶.
    static let givenNameLength = 2
    /// A run this long is a phone or ID number wherever it stands.
    static let phoneDigits = 7
    /// A bare run this long that counts nothing is taken for a room or a house number.
    static let roomDigits = 3

    /// The words around a number, from the lexicon: `roomMarkers` after it make it a room (302室),
    /// `roomAfter` before it too (12栋302), `counted` after it keep it (200元, 3楼).
    public struct NumberWords: Sendable, Equatable {
        public var roomMarkers: [String]
        public var roomAfter: [String]
        public var counted: [String]

        public init(roomMarkers: [String], roomAfter: [String], counted: [String]) {
            self.roomMarkers = Self.longestFirst(roomMarkers)
            self.roomAfter = Self.longestFirst(roomAfter)
            self.counted = Self.longestFirst(counted + roomAfter)
        }

        static func longestFirst(_ words: [String]) -> [String] {
            words.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
        }
    }

    public init(surnames: some Sequence<Character>, titles: [String], neutral: String, numbers: NumberWords) {
        self.surnames = Set(surnames)
        self.titles = NumberWords.longestFirst(titles)
        self.neutral = neutral
        self.numbers = numbers
    }

    /// The beneficiary as a group sees them: the first surname + title the text names, else `neutral`.
    public func beneficiary(in text: String) -> String {
        names(in: Array(text)).first?.shown ?? neutral
    }

    /// The text as a group may read it: each name shortened to surname + title, phone numbers and
    /// rooms replaced by `hidden`.
    public func shown(_ text: String) -> String {
        var characters = Array(text)
        for name in names(in: characters).reversed() {
            characters.replaceSubrange(name.range, with: Array(name.shown))
        }
        return hideNumbers(characters)
    }

    /// A name found in the text: where it stands and how it is shown.
    struct Name {
        var range: Range<Int>
        var shown: String
    }

    /// Each title with a surname before it, the full name (surname + up to two characters) taken as
    /// long as it can be, so "张桂英奶奶" is one name, not 桂's.
    func names(in characters: [Character]) -> [Name] {
        var found: [Name] = []
        var index = 0
        while index < characters.count {
            guard let title = titles.first(where: { characters.starts(with: $0, at: index) }) else {
                index += 1
                continue
            }
            let end = index + title.count
            let earliest = max(found.last?.range.upperBound ?? 0, index - Self.givenNameLength - 1)
            if let start = (earliest..<index).first(where: { start in
                surnames.contains(characters[start]) && characters[start..<index].allSatisfy(Self.isHan)
            }) {
                found.append(Name(range: start..<end, shown: String(characters[start]) + title))
            }
            index = end
        }
        return found
    }

    /// Digit runs (dashes and spaces inside) that are phones or rooms, replaced; counts kept.
    func hideNumbers(_ characters: [Character]) -> String {
        var out = ""
        var index = 0
        while index < characters.count {
            guard Self.isDigit(characters[index]) else {
                out.append(characters[index])
                index += 1
                continue
            }
            var end = index
            var digits = 0
            var groups = 1
            while end < characters.count {
                if Self.isDigit(characters[end]) {
                    digits += 1
                } else if (characters[end] == "-" || characters[end] == " ") && end + 1 < characters.count
                    && Self.isDigit(characters[end + 1])
                {
                    if characters[end] == "-" { groups += 1 }
                } else {
                    break
                }
                end += 1
            }
            let before = String(characters[..<index].suffix(2))
            let marker = numbers.roomMarkers.first { characters.starts(with: $0, at: end) }
            let counts = numbers.counted.contains { characters.starts(with: $0, at: end) }
            let room =
                marker != nil || groups > 1
                || (!counts && (digits >= Self.roomDigits || numbers.roomAfter.contains { before.hasSuffix($0) }))
            if digits >= Self.phoneDigits || room {
                out += Self.hidden
                end += marker?.count ?? 0
            } else {
                out += String(characters[index..<end])
            }
            index = end
        }
        return out
    }

    static func isDigit(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else { return false }
        return ("0"..."9").contains(scalar) || ("０"..."９").contains(scalar)
    }

    static func isHan(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        return (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
    }
}

extension Array where Element == Character {
    /// Whether `word` stands here from `index` on.
    func starts(with word: String, at index: Int) -> Bool {
        var position = index
        for character in word {
            guard position < count, self[position] == character else { return false }
            position += 1
        }
        return true
    }
}
