import Foundation
import MessageFuzz
import Testing

@testable import IntentParser

/// Property: every message parses to a well-formed result. The long run is `fengchao fuzz parser`.
@Suite struct FuzzTests {
    static let vocabulary: FuzzVocabulary = {
        do {
            let lexicon = try String(
                contentsOf: Fixtures.repoRoot.appendingPathComponent("config/lexicon.yaml"), encoding: .utf8)
            return try FuzzVocabulary(yaml: [lexicon, Fixtures.text("gazetteer.yaml")])
        } catch {
            fatalError("fuzz vocabulary does not load: \(error)")
        }
    }()

    @Test func vocabularyComesFromTheLexiconAndGazetteer() {
        #expect(Self.vocabulary.words.count > 500)
        #expect(Self.vocabulary.words.contains("龙西小区"))
    }

    @Test func generatorIsDeterministicPerSeedAndIndex() {
        let a = MessageGenerator(vocabulary: Self.vocabulary, seed: 7)
        let b = MessageGenerator(vocabulary: Self.vocabulary, seed: 7)
        let c = MessageGenerator(vocabulary: Self.vocabulary, seed: 8)
        #expect((0..<50).map(a.message(at:)) == (0..<50).map(b.message(at:)))
        #expect((0..<50).map(a.message(at:)) != (0..<50).map(c.message(at:)))
    }

    @Test func generatorReachesTheLengthLimitAndHostileCharacters() {
        let g = MessageGenerator(vocabulary: Self.vocabulary, seed: 16, maxLength: 2_000)
        let messages = (0..<3_000).map(g.message(at:))
        let lengths = messages.map(\.unicodeScalars.count)
        #expect(lengths.max() ?? 0 > 1_000)
        #expect(lengths.allSatisfy { $0 <= 2_000 })
        #expect(lengths.contains(0))
        let all = messages.joined()
        for needle in ["「", "」", "\u{200B}", "\u{0}", "#", "回复"] {
            #expect(all.contains(needle), "\(needle.debugDescription)")
        }
    }

    @Test func thirtyThousandMessagesParseToWellFormedResults() {
        let g = MessageGenerator(vocabulary: Self.vocabulary, seed: 20_261_203)
        var intents = Set<Intent>()
        for index in 0..<30_000 {
            let message = FuzzMessage(generator: g, index: index)
            let input = ParserInput(
                text: message.text, senderRole: SenderRole(rawValue: message.role) ?? .unknown,
                attachments: message.attachments.map {
                    switch $0 {
                    case .image(let url): .image(url: url)
                    case .location(let lat, let lon, let label): .location(lat: lat, lon: lon, label: label)
                    }
                })
            let r = Fixtures.parser.parse(input)
            intents.insert(r.intent)
            let wellFormed =
                r.confidence >= 0 && r.confidence <= 1 && (r.itemRef ?? 0) >= 0
                && (r.category == nil || r.intent == .report) && (r.query == nil) == (r.intent != .query)
            if !wellFormed {
                Issue.record("message \(index) \(message.text.debugDescription) → \(r)")
                return
            }
        }
        // The generator reaches most of the parser's decisions, not only chat.
        #expect(intents.count >= 8)
    }
}
