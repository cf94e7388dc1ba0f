import ArgumentParser
import Foundation
import IntentParser

/// `fengchao bench`: speed figures for the notes, never pass/fail.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure speed (run a release build: swift run -c release fengchao bench parse).",
        subcommands: [BenchParseCommand.self, BenchBoardCommand.self]
    )
}

/// Parses the dev corpus over and over on one thread and reports throughput and per-message latency.
struct BenchParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Messages per second and p50/p99 time per message over a corpus, single thread."
    )

    @Option(help: "Corpus JSONL files (default: the whole labelled corpus, every voice and the real messages).")
    var input: [String] = [
        "corpus/dev.jsonl", "corpus/real-train.jsonl", "corpus/real/real-collected.jsonl",
        "corpus/voices/complaint-letter.jsonl",
        "corpus/voices/dialect-traditional.jsonl", "corpus/voices/elderly-voice.jsonl",
        "corpus/voices/members-secretary.jsonl",
        "corpus/voices/rider-hurry.jsonl", "corpus/voices/wish-writer.jsonl",
    ]

    @OptionGroup var files: ParserOptions

    @Option(help: "Timed passes over the corpus (one untimed warm-up pass runs first).")
    var passes: Int = 30

    func validate() throws {
        guard passes > 0 else { throw ValidationError("--passes must be at least 1.") }
    }

    func run() throws {
        let community = try files.load()
        let parser = community.parser
        let decoder = JSONDecoder()
        var inputs: [ParserInput] = []
        for file in input {
            let path = ResourceLocator.resolve(file)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ValidationError("cannot read --input \(path)")
            }
            inputs += try data.split(separator: UInt8(ascii: "\n")).map {
                try decoder.decode(CorpusLine.self, from: Data($0)).input
            }
        }
        guard !inputs.isEmpty else { throw ValidationError("no messages in \(input)") }
        var sink = 0
        for input in inputs { sink &+= parser.parse(input).intent.rawValue.utf8.count }

        var samples = [UInt64]()
        samples.reserveCapacity(inputs.count * passes)
        let clock = ContinuousClock()
        let total = clock.measure {
            for _ in 0..<passes {
                for input in inputs {
                    let start = DispatchTime.now().uptimeNanoseconds
                    sink &+= parser.parse(input).intent.rawValue.utf8.count
                    samples.append(DispatchTime.now().uptimeNanoseconds - start)
                }
            }
        }
        samples.sort()
        let seconds = Double(total.components.seconds) + Double(total.components.attoseconds) / 1e18
        let count = samples.count
        func percentile(_ p: Double) -> Double {
            Double(samples[min(count - 1, Int(Double(count) * p))]) / 1000
        }
        print(
            "messages: \(inputs.count) × \(passes) passes = \(count), single thread, model \(community.model == nil ? "off" : "on")"
        )
        print(String(format: "throughput: %.0f messages/s", Double(count) / seconds))
        print(
            String(
                format: "per message: p50 %.1f µs, p99 %.1f µs, max %.1f µs", percentile(0.5), percentile(0.99),
                Double(samples[count - 1]) / 1000))
        if sink == 42 { print("") }  // keeps the optimiser from dropping the work
        #if DEBUG
            print("warning: debug build; run `swift run -c release fengchao bench parse` for real figures")
        #endif
    }
}
