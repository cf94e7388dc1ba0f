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

    @Option(help: "Gazetteer YAML (default: the demo community config/community.yaml).")
    var community: String = "config/community.yaml"

    @Option(help: "Lexicon YAML (default: config/lexicon.yaml).")
    var lexicon: String = "config/lexicon.yaml"

    @Option(help: "JSONL input file (default: standard input).")
    var input: String?

    @Flag(help: "Input lines are message threads; output their records.")
    var threads = false

    @Option(help: "Parse one message instead of a file and print the whole result.")
    var text: String?

    @Option(help: "Sender role for --text: rider, member, secretary, resident, unknown.")
    var role: String = "rider"

    func validate() throws {
        if SenderRole(rawValue: role) == nil {
            throw ValidationError("--role must be one of: \(SenderRole.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
    }

    func run() throws {
        let loaded = try Self.loadCommunity(community: community, lexicon: lexicon)
        let parser = loaded.parser
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if let text {
            let result = parser.parse(ParserInput(text: text, senderRole: SenderRole(rawValue: role) ?? .rider))
            encoder.outputFormatting.insert(.prettyPrinted)
            print(String(decoding: try encoder.encode(result), as: UTF8.self))
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
    static func loadCommunity(community: String, lexicon: String) throws -> Community {
        do {
            return try Community.load(
                communityPath: ResourceLocator.resolve(community), lexiconPath: ResourceLocator.resolve(lexicon))
        } catch let error as ConfigError {
            throw ValidationError(error.description)
        }
    }
}
