import ArgumentParser
import Foundation
import IntentParser

#if canImport(Glibc)
    import Glibc
#endif

/// `fengchao bench`: speed figures for the notes, never pass/fail.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure speed (run a release build: swift run -c release fengchao bench parse).",
        subcommands: [BenchParseCommand.self, BenchBoardCommand.self, BenchIngestCommand.self]
    )
}

/// Parses the labelled corpus over and over on one thread and reports throughput and per-message latency,
/// for the rules alone and for rules plus model in the same run (their passes interleaved), so both meet
/// the same machine load.
struct BenchParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract:
            "Messages per second and p50/p99 time per message over a corpus, single thread, rules alone and with the model."
    )

    @Option(help: "Corpus JSONL files (default: the whole labelled corpus, every voice and the real messages).")
    var input: [String] = [
        "corpus/dev.jsonl", "corpus/real-train.jsonl", "corpus/real/real-collected.jsonl",
        "corpus/real/real-train-2.jsonl", "corpus/real/real-train-3.jsonl",
        "corpus/voices/complaint-letter.jsonl",
        "corpus/voices/dialect-traditional.jsonl", "corpus/voices/elderly-voice.jsonl",
        "corpus/voices/members-secretary.jsonl",
        "corpus/voices/rider-hurry.jsonl", "corpus/voices/wish-writer.jsonl",
    ]

    @OptionGroup var files: ParserOptions

    @Option(help: "Timed passes over the corpus for each parser (one untimed warm-up pass each runs first).")
    var passes: Int = 30

    func validate() throws {
        guard passes > 0 else { throw ValidationError("--passes must be at least 1.") }
    }

    /// CPU time the process has used, in seconds (the benchmark runs on one thread).
    static func threadCPUTime() -> Double {
        Double(clock()) / Double(CLOCKS_PER_SEC)
    }

    func run() throws {
        let community = try files.load()
        let withModel = community.parser
        let rulesOnly = try files.load(withModel: false).parser
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
        let parsers = [("rules alone", rulesOnly), ("rules + model", withModel)]
        for (_, parser) in parsers { for input in inputs { sink &+= parser.parse(input).intent.rawValue.utf8.count } }

        var samples = [[UInt64]](repeating: [], count: parsers.count)
        var seconds = [Double](repeating: 0, count: parsers.count)
        var cpuSeconds = [Double](repeating: 0, count: parsers.count)
        for i in parsers.indices { samples[i].reserveCapacity(inputs.count * passes) }
        let clock = ContinuousClock()
        for _ in 0..<passes {
            for (i, (_, parser)) in parsers.enumerated() {
                let cpuStart = Self.threadCPUTime()
                let pass = clock.measure {
                    for input in inputs {
                        let start = DispatchTime.now().uptimeNanoseconds
                        sink &+= parser.parse(input).intent.rawValue.utf8.count
                        samples[i].append(DispatchTime.now().uptimeNanoseconds - start)
                    }
                }
                seconds[i] += Double(pass.components.seconds) + Double(pass.components.attoseconds) / 1e18
                cpuSeconds[i] += Self.threadCPUTime() - cpuStart
            }
        }
        print(
            "messages: \(inputs.count) × \(passes) passes each, single thread, passes of the two parsers interleaved\(community.model == nil ? " (no model file: both are the rules alone)" : "")"
        )
        for (i, (name, _)) in parsers.enumerated() {
            samples[i].sort()
            let count = samples[i].count
            func percentile(_ p: Double) -> Double {
                Double(samples[i][min(count - 1, Int(Double(count) * p))]) / 1000
            }
            print(
                "\(name): "
                    + String(
                        format:
                            "%.0f messages/s (%.0f per CPU-second of this thread); per message p50 %.1f µs, p99 %.1f µs, max %.1f µs",
                        Double(count) / seconds[i], Double(count) / cpuSeconds[i], percentile(0.5), percentile(0.99),
                        Double(samples[i][count - 1]) / 1000))
        }
        print(
            "(messages per CPU-second leave out the time other processes took the core: compare those when the machine is busy)"
        )
        if sink == 42 { print("") }  // keeps the optimiser from dropping the work
        #if DEBUG
            print("warning: debug build; run `swift run -c release fengchao bench parse` for real figures")
        #endif
    }
}
