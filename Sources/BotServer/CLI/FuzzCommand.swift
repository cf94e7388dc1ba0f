import ArgumentParser
import Foundation
import IntentParser
import MessageFuzz

/// `fengchao fuzz`: the long run of the property tests in `make test`. Generated messages go through
/// the parser (every role, with and without attachments) and generated bodies through every webhook
/// decoder; a crash ends the process, and the index printed last replays it with `--from`.
struct FuzzCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fuzz",
        abstract: "Feed generated hostile messages to the parser and the webhook decoders.",
        discussion: """
            Targets: parser, or a decoder (\(DecoderFuzz.decoders.joined(separator: ", "))), or all.
            Deterministic: the same --seed and index give the same input; --show prints the inputs.
            """
    )

    @Argument(help: "What to fuzz: parser, all, or one decoder name.")
    var target: String = "all"

    @Option(help: "Inputs per target.")
    var count: Int = 1_000_000

    @Option(help: "First input index (to replay a failure).")
    var from: Int = 0

    @Option(help: "Generator seed.")
    var seed: UInt64 = 16

    @Option(help: "Longest generated message, in characters.")
    var maxLength: Int = 2_000

    @OptionGroup var files: ParserOptions

    @Flag(help: "Print every input before it is tried.")
    var show = false

    @Flag(help: "Write the generated messages as corpus lines (for `fengchao parse`) instead of trying them.")
    var emitJsonl = false

    func validate() throws {
        let known = ["all", "parser"] + DecoderFuzz.decoders
        guard known.contains(target) else {
            throw ValidationError("target must be one of: \(known.joined(separator: ", "))")
        }
        guard count >= 0, from >= 0 else { throw ValidationError("--count and --from must not be negative") }
    }

    func run() throws {
        let parser = try files.load().parser
        let yaml = try [files.community, files.lexicon].map {
            try String(contentsOfFile: ResourceLocator.resolve($0), encoding: .utf8)
        }
        let generator = MessageGenerator(vocabulary: try FuzzVocabulary(yaml: yaml), seed: seed, maxLength: maxLength)
        if emitJsonl {
            try emit(generator)
            return
        }
        let targets = target == "all" ? ["parser"] + DecoderFuzz.decoders : [target]
        let decoders = DecoderFuzz(messages: generator)
        for name in targets {
            let started = Date()
            var produced = 0
            var slowest = (index: from, seconds: 0.0)
            for index in from..<(from + count) {
                let began = Date()
                defer {
                    let took = Date().timeIntervalSince(began)
                    if took > slowest.seconds { slowest = (index, took) }
                }
                if show { print("\(name) #\(index): \(String(reflecting: generator.message(at: index)))") }
                if name == "parser" {
                    _ = parser.parse(FuzzMessage(generator: generator, index: index).parserInput)
                    produced += 1
                } else if decoders.run(name, index: index) {
                    produced += 1
                }
                if (index - from + 1) % 100_000 == 0 {
                    FileHandle.standardError.write(Data("\(name): \(index - from + 1) inputs\n".utf8))
                }
            }
            let seconds = Date().timeIntervalSince(started)
            print(
                "\(name): \(count) inputs, no crash, \(produced) decoded, \(String(format: "%.1f", seconds)) s; slowest #\(slowest.index) "
                    + "\(String(format: "%.1f", slowest.seconds * 1000)) ms (seed \(seed), from \(from))")
        }
    }

    private func emit(_ generator: MessageGenerator) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var out = Data()
        for index in from..<(from + count) {
            let message = FuzzMessage(generator: generator, index: index)
            out.append(try encoder.encode(CorpusLine(fuzz: message, id: "fuzz-\(index)")))
            out.append(UInt8(ascii: "\n"))
            if out.count > 1 << 20 {
                FileHandle.standardOutput.write(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        FileHandle.standardOutput.write(out)
    }
}
