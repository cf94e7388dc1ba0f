import Foundation
import IntentParser
import Mustache
import TaskBoard
import Yams

/// The Chinese words for the board's codes and the fixed words and sentences of replies and pages,
/// read from `templates/labels.yaml` so that wording stays out of Swift. Loading refuses a file
/// that lacks the word for any case of any family, naming the key.
struct Labels: Sendable {
    let categories: LabelFamily<Category>
    let kinds: LabelFamily<ItemKind>
    let statuses: LabelFamily<ItemStatus>
    let boards: LabelFamily<PointsBoard>
    let roles: LabelFamily<MemberRole>
    let actions: LabelFamily<ActionCode>
    let sections: LabelFamily<BoardSection>
    let events: LabelFamily<TimelineAction>
    let ledgerReasons: LabelFamily<LedgerReason>
    let reviewReasons: LabelFamily<ReviewReason>
    let groups: LabelFamily<GroupRole>
    let sorts: LabelFamily<ItemSort>
    let periods: LabelFamily<LeaderboardPeriod>
    let jobs: LabelFamily<Job>
    /// The audit log's kinds of change.
    let audit: LabelFamily<AuditAction>
    let words: LabelFamily<Word>
    /// The simulator's sample photos by file name without extension; a photo without one shows its name.
    let samplePhotos: [String: String]
    /// The exchange catalog a community starts with until `board.exchange_catalog` is configured.
    let catalog: [CatalogEntry]?
    private let phrases: [Phrase: MustacheTemplate]

    static func load(templatesDirectory: String) throws -> Labels {
        let path = URL(fileURLWithPath: templatesDirectory).appendingPathComponent("labels.yaml").path
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ConfigError.missingResource(what: "labels", path: path)
        }
        let file: File
        do {
            file = try YAMLDecoder().decode(File.self, from: text)
        } catch {
            throw ConfigError.invalid(path: path, reason: "\(error)")
        }
        let labels = Labels(file, phrases: try compile(file.phrases ?? [:], path: path))
        let missing = labels.missingKeys
        guard missing.isEmpty else {
            throw ConfigError.invalid(path: path, reason: "no label for " + missing.joined(separator: ", "))
        }
        return labels
    }

    func category(_ code: String?) -> String { code.map { categories[code: $0] } ?? word(.noCategory) }
    /// What an item is about: an issue's category, else its kind (微心愿, 建议).
    func topic(of item: Item) -> String { item.kind == .issue ? category(item.category) : kind(item.kind) }
    func kind(_ kind: ItemKind) -> String { kinds[kind] }
    func status(_ status: ItemStatus) -> String { statuses[status] }
    func board(_ board: PointsBoard) -> String { boards[board] }
    func role(_ role: MemberRole) -> String { roles[role] }
    /// `BoardError` carries its action as a code.
    func action(_ code: String) -> String { actions[code: code] }
    func word(_ word: Word) -> String { words[word] }

    /// A sentence with its values filled in, as plain text (pages escape it when they show it).
    func say(_ sentence: Sentence) -> String {
        phrases[sentence.phrase]?.render(sentence.values) ?? sentence.phrase.rawValue
    }

    /// Every `section.key` the code needs and the file lacks.
    var missingKeys: [String] {
        let families: [[String]] = [
            categories.missingKeys, kinds.missingKeys, statuses.missingKeys, boards.missingKeys, roles.missingKeys,
            actions.missingKeys, sections.missingKeys, events.missingKeys, ledgerReasons.missingKeys,
            reviewReasons.missingKeys, groups.missingKeys, sorts.missingKeys, periods.missingKeys, words.missingKeys,
            jobs.missingKeys, audit.missingKeys,
        ]
        return families.flatMap { $0 } + Phrase.allCases.filter { phrases[$0] == nil }.map { "phrases.\($0.rawValue)" }
    }

    private init(_ file: File, phrases: [Phrase: MustacheTemplate]) {
        categories = LabelFamily(section: "categories", words: file.categories)
        kinds = LabelFamily(section: "kinds", words: file.kinds)
        statuses = LabelFamily(section: "statuses", words: file.statuses)
        boards = LabelFamily(section: "boards", words: file.boards)
        roles = LabelFamily(section: "roles", words: file.roles)
        actions = LabelFamily(section: "actions", words: file.actions)
        sections = LabelFamily(section: "sections", words: file.sections)
        events = LabelFamily(section: "events", words: file.events)
        ledgerReasons = LabelFamily(section: "ledger_reasons", words: file.ledgerReasons)
        reviewReasons = LabelFamily(section: "review_reasons", words: file.reviewReasons)
        groups = LabelFamily(section: "groups", words: file.groups)
        sorts = LabelFamily(section: "sorts", words: file.sorts)
        periods = LabelFamily(section: "periods", words: file.periods)
        jobs = LabelFamily(section: "jobs", words: file.jobs)
        audit = LabelFamily(section: "audit", words: file.audit)
        words = LabelFamily(section: "words", words: file.words)
        samplePhotos = file.samplePhotos ?? [:]
        catalog = file.catalog
        self.phrases = phrases
    }

    /// Each phrase as a plain-text template; a phrase with a tag its sentence does not fill is refused.
    private static func compile(_ texts: [String: String], path: String) throws -> [Phrase: MustacheTemplate] {
        var phrases: [Phrase: MustacheTemplate] = [:]
        for phrase in Phrase.allCases {
            guard let text = texts[phrase.rawValue] else { continue }
            let key = "phrases.\(phrase.rawValue)"
            let template: MustacheTemplate
            do {
                template = try MustacheTemplate(string: "{{%CONTENT_TYPE: TEXT}}" + text)
            } catch {
                throw ConfigError.invalid(path: path, reason: "\(key): \(error)")
            }
            let probe = TagProbe(phrase.sample.values)
            _ = template.render(probe)
            guard probe.unfilled.isEmpty else {
                throw ConfigError.invalid(
                    path: path,
                    reason: "\(key) uses {{\(probe.unfilled.sorted().joined(separator: "}}, {{"))}}, "
                        + "which it is not given (it has \(phrase.sample.values.keys.sorted()))")
            }
            phrases[phrase] = template
        }
        return phrases
    }

    private struct File: Decodable {
        var categories, kinds, statuses, boards, roles, actions, sections, events: [String: String]?
        var ledgerReasons, reviewReasons, groups, sorts, periods, samplePhotos, words, phrases, jobs,
            audit: [String: String]?
        var catalog: [CatalogEntry]?

        enum CodingKeys: String, CodingKey {
            case categories, kinds, statuses, boards, roles, actions, sections, events, groups, sorts, periods
            case words, phrases, catalog, jobs, audit
            case ledgerReasons = "ledger_reasons"
            case reviewReasons = "review_reasons"
            case samplePhotos = "sample_photos"
        }
    }
}

/// Answers a template's lookups from a sentence's values and remembers the names it could not fill.
private final class TagProbe: MustacheParent {
    let values: [String: String]
    var unfilled: Set<String> = []

    init(_ values: [String: String]) { self.values = values }

    func child(named name: String) -> Any? {
        if let value = values[name] { return value }
        unfilled.insert(name)
        return nil
    }
}
