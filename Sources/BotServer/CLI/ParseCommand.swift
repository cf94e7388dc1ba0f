import ArgumentParser
import Foundation
import IntentParser

/// `fengchao parse`: runs the parser over JSONL (the corpus input shape) or one `--text`, printing
/// predictions in the scorer's shape — the way to check the parser against labelled data.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse messages and print predictions (one JSON line each).",
        discussion: """
            Input lines: {"id","text","sender_role","attachments"}; with --threads: {"id","messages":[{"sender",
            "role","ts","text","attachments"}]}. Output: the shape tools/score_parse.py reads.
            """
    )

    @OptionGroup var files: ParserOptions

    @Option(help: "JSONL input file (default: standard input).")
    var input: String?

    @Flag(help: "Input lines are message threads; output their records.")
    var threads = false

    @Option(help: "Parse one message instead of a file and print the whole result.")
    var text: String?

    @Flag(
        help:
            "With --text: also print why (the rules' reading, the model's probabilities, the features that weighed most)."
    )
    var explain = false

    @Option(help: "Sender role for --text: rider, member, secretary, resident, unknown.")
    var role: String = "rider"

    func validate() throws {
        if SenderRole(rawValue: role) == nil {
            throw ValidationError(
                "--role must be one of: \(SenderRole.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
    }

    func run() throws {
        let loaded = try files.load()
        let parser = loaded.parser
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if let text {
            let input = ParserInput(text: text, senderRole: SenderRole(rawValue: role) ?? .rider)
            let result = parser.parse(input)
            encoder.outputFormatting.insert(.prettyPrinted)
            print(String(decoding: try encoder.encode(result), as: UTF8.self))
            if explain { print(Self.describe(parser.explain(input))) }
            return
        }
        let data: Data
        if let input {
            guard let contents = FileManager.default.contents(atPath: input) else {
                throw ValidationError("cannot read --input \(input)")
            }
            data = contents
        } else {
            data = FileHandle.standardInput.readDataToEndOfFile()
        }
        let decoder = JSONDecoder()
        var output = ""
        for (number, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() {
            guard !line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }) else { continue }
            let entry: CorpusLine
            do {
                entry = try decoder.decode(CorpusLine.self, from: Data(line))
            } catch {
                throw ValidationError("line \(number + 1): \(error)")
            }
            let encoded: Data
            if threads {
                let records = parser.records(for: (entry.messages ?? []).map(\.threadMessage))
                encoded = try encoder.encode(
                    ThreadPrediction(
                        id: entry.id,
                        records: records.map {
                            .init(
                                prediction: Prediction(id: entry.id, result: $0.result), photoCount: $0.photoCount,
                                sender: $0.sender)
                        }))
            } else {
                encoded = try encoder.encode(Prediction(id: entry.id, result: parser.parse(entry.input)))
            }
            output += String(decoding: encoded, as: UTF8.self) + "\n"
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }

    /// Both commands read the same two files and report a missing one the same way.
    static func loadCommunity(community: String, lexicon: String, model: String = "") throws -> Community {
        do {
            return try Community.load(
                communityPath: ResourceLocator.resolve(community), lexiconPath: ResourceLocator.resolve(lexicon),
                modelPath: model.isEmpty ? nil : ResourceLocator.resolve(model))
        } catch let error as ConfigError {
            throw ValidationError(error.description)
        }
    }

    static func describe(_ e: Explanation) -> String {
        func pct(_ p: Double) -> String { String(format: "%.2f", p) }
        var out = "why:\n"
        out += "  rules: \(e.rules.intent.rawValue) (\(pct(e.rules.confidence)))"
        out += e.structural ? ", a command or question with an item number: the rules decide\n" : "\n"
        out += "  lexicon cues: \(e.cues.isEmpty ? "none" : e.cues.joined(separator: ", "))\n"
        if !e.intents.isEmpty {
            out += "  model: " + e.intents.map { "\($0.name) \(pct($0.probability))" }.joined(separator: ", ") + "\n"
        }
        if !e.categories.isEmpty {
            out +=
                "  category: " + e.categories.map { "\($0.name) \(pct($0.probability))" }.joined(separator: ", ") + "\n"
        }
        if !e.evidence.isEmpty {
            out +=
                "  features for \(e.result.intent.rawValue): "
                + e.evidence.map { "\($0.name) \(String(format: "%+.2f", $0.weight))" }.joined(separator: ", ") + "\n"
        }
        if let r = e.reviewBelow {
            out += "  decision: \(e.result.intent.rawValue) at \(pct(e.result.confidence)); review below \(pct(r))"
            out += e.result.needsReview ? " → waits for the secretary\n" : "\n"
        }
        return out
    }
}
