import ArgumentParser
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Starts fengchao on a temporary folder and the minimal baseline server (`IngestBaseline`), drives
/// each in turn (A B A B …) with wrk and the same unique messages, and prints acks/s, latency, how
/// fast fengchao processes what it acknowledged, and memory, with fengchao's ratio to the baseline.
struct BenchIngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Webhook acks/s and processing rate against a minimal Hummingbird + GRDB server (needs wrk).",
        discussion: "Run a release build: swift build -c release && .build/release/fengchao bench ingest"
    )

    @Option(help: "Concurrent connections, one series each.")
    var connections: [Int] = [32, 128]

    @Option(help: "Seconds of load per run.")
    var seconds: Int = 10

    @Option(help: "Runs per server and connection count, interleaved A B A B.")
    var rounds: Int = 2

    @Option(help: "wrk threads.")
    var threads: Int = 2

    @Option(help: "fengchao's port; the baseline takes the next.")
    var port: Int = 8290

    @Option(help: "Longest wait for fengchao's backlog to drain after a run, in seconds.")
    var drainTimeout: Int = 300

    @Option(help: "The wrk Lua script (unique messages from 50 senders in one group).")
    var script = "scripts/bench-ingest.lua"

    func validate() throws {
        guard seconds > 0, rounds > 0, threads > 0, connections.allSatisfy({ $0 > 0 }) else {
            throw ValidationError("--seconds, --rounds, --threads and --connections must be positive.")
        }
    }

    /// One run of one server.
    struct Run {
        var server: String
        var connections: Int
        var load: LoadResult
        var backlog: Int?
        var drain: Drain?
        var rss: Double
        var peak: Double
    }

    /// How fengchao's backlog drained after a run: the whole rate, and the rate over its first and second half.
    struct Drain {
        var perSecond: Double
        var firstHalf: Double
        var secondHalf: Double
        var complete: Bool
    }

    func run() async throws {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let baselineBinary = executable.deletingLastPathComponent().appendingPathComponent("IngestBaseline")
        guard FileManager.default.isExecutableFile(atPath: baselineBinary.path) else {
            throw ValidationError("no \(baselineBinary.path): build it first (swift build -c release)")
        }
        let scriptPath = ResourceLocator.resolve(script)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "fengchao-ingest-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let fengchao = BenchServer(
            name: "fengchao", executable: executable,
            arguments: [
                "serve", "--port", "\(port)", "--data", folder.appendingPathComponent("fengchao").path, "--log-level",
                "error",
            ], port: port)
        let baseline = BenchServer(
            name: "baseline", executable: baselineBinary,
            arguments: ["\(port + 1)", folder.appendingPathComponent("baseline").path], port: port + 1)
        try fengchao.start()
        defer { fengchao.stop() }
        try baseline.start()
        defer { baseline.stop() }
        try await fengchao.waitUntilUp(path: "/healthz")
        try await baseline.waitUntilUp(
            path: "/webhook/generic", method: "POST", body: Data(#"{"message_id":"warm-up"}"#.utf8))

        print(
            "server    conns  acks/s   p50 ms  p99 ms  errors  processed/s  backlog  drain/s (1st/2nd half)  RSS MiB (peak)"
        )
        var runs: [Run] = []
        for conns in connections {
            for round in 1...rounds {
                for server in [fengchao, baseline] {
                    let runID = "\(server.name)-\(conns)-\(round)-\(UUID().uuidString.prefix(8))"
                    let load = try LoadResult.run(
                        url: server.url + "/webhook/generic", script: scriptPath, connections: conns, threads: threads,
                        seconds: seconds, runID: runID)
                    var run = Run(server: server.name, connections: conns, load: load, rss: 0, peak: 0)
                    if server === fengchao {
                        run.backlog = try await pendingInbox(fengchao)
                        run.drain = try await drain(fengchao, from: run.backlog ?? 0)
                    }
                    (run.rss, run.peak) = server.memory()
                    print(Self.line(run))
                    runs.append(run)
                }
            }
        }
        print(Self.summary(runs, connections: connections))
        #if DEBUG
            print("warning: debug build; run the release build for real figures")
        #endif
    }

    /// Inbox rows still pending, from `/healthz`.
    private func pendingInbox(_ server: BenchServer) async throws -> Int {
        let (data, _) = try await URLSession.shared.perform(URLRequest(url: URL(string: server.url + "/healthz")!))
        let health = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        guard let pending = health?["pending_inbox"] as? Int else { throw BenchError("no pending_inbox in /healthz") }
        return pending
    }

    /// Watches the backlog fall to zero (or the timeout), timing its first and its second half.
    private func drain(_ server: BenchServer, from backlog: Int) async throws -> Drain? {
        guard backlog > 0 else { return nil }
        let start = ContinuousClock.now
        let deadline = start + .seconds(drainTimeout)
        var halfway: ContinuousClock.Instant?
        var halfwayLeft = backlog
        var left = backlog
        while left > 0 && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(100))
            left = try await pendingInbox(server)
            if halfway == nil && left <= backlog / 2 {
                halfway = ContinuousClock.now
                halfwayLeft = left
            }
        }
        let end = ContinuousClock.now
        let middle = halfway ?? end
        func rate(_ count: Int, _ duration: Duration) -> Double {
            let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
            return seconds > 0 ? Double(count) / seconds : 0
        }
        return Drain(
            perSecond: rate(backlog - left, end - start), firstHalf: rate(backlog - halfwayLeft, middle - start),
            secondHalf: rate(halfwayLeft - left, end - middle), complete: left == 0)
    }

    private static func line(_ run: Run) -> String {
        let load = run.load
        var text = run.server.padding(toLength: 9, withPad: " ", startingAt: 0)
        text += String(
            format: "%6d  %6.0f  %7.2f %7.2f  %6d", run.connections, load.perSecond, load.p50, load.p99, load.errors)
        if let backlog = run.backlog {
            let processed = Double(load.requests - backlog) / max(load.seconds, 0.001)
            text += String(format: "  %11.0f  %7d", processed, backlog)
            if let drain = run.drain {
                text += String(format: "  %7.0f (%5.0f/%5.0f)", drain.perSecond, drain.firstHalf, drain.secondHalf)
                text += drain.complete ? " " : "!"
            } else {
                text += "        -              "
            }
        } else {
            text += "            -        -        -              "
        }
        text += String(format: "  %6.1f (%.1f)", run.rss, run.peak)
        return text
    }

    /// fengchao against the baseline per connection count: median acks/s of the rounds and their ratio.
    private static func summary(_ runs: [Run], connections: [Int]) -> String {
        func median(_ values: [Double]) -> Double {
            let sorted = values.sorted()
            guard !sorted.isEmpty else { return 0 }
            return sorted.count % 2 == 1
                ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        }
        var lines = ["", "conns  fengchao acks/s  baseline acks/s  ratio  fengchao p99 ms  drain/s (median)"]
        for conns in connections {
            let ours = runs.filter { $0.server == "fengchao" && $0.connections == conns }
            let theirs = runs.filter { $0.server == "baseline" && $0.connections == conns }
            let a = median(ours.map(\.load.perSecond))
            let b = median(theirs.map(\.load.perSecond))
            let drains = ours.compactMap(\.drain?.perSecond)
            lines.append(
                String(
                    format: "%5d  %15.0f  %15.0f  %5.2f  %15.2f  ", conns, a, b, b > 0 ? a / b : 0,
                    median(ours.map(\.load.p99))) + (drains.isEmpty ? "-" : String(format: "%16.0f", median(drains))))
        }
        return lines.joined(separator: "\n")
    }
}
