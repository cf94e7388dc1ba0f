import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A server of `fengchao bench ingest`, run as a child process so its memory is its own.
final class BenchServer: @unchecked Sendable {
    let name: String
    let port: Int
    private let process: Process

    init(name: String, executable: URL, arguments: [String], port: Int) {
        self.name = name
        self.port = port
        process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
    }

    var url: String { "http://127.0.0.1:\(port)" }

    func start() throws {
        try process.run()
    }

    /// Waits until `path` answers `method` with a 2xx.
    func waitUntilUp(path: String, method: String = "GET", body: Data? = nil) async throws {
        var request = URLRequest(url: URL(string: url + path)!)
        request.httpMethod = method
        request.httpBody = body
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        for _ in 0..<600 {
            if let (_, response) = try? await URLSession.shared.perform(request),
                let status = (response as? HTTPURLResponse)?.statusCode, (200..<300).contains(status)
            {
                return
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw BenchError("\(name) did not start on port \(port)")
    }

    /// Resident memory now and at its peak, in MiB (`/proc/<pid>/status`).
    func memory() -> (rss: Double, peak: Double) {
        let status = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)) ?? ""
        func kib(_ key: String) -> Double {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(key + ":") }) else { return 0 }
            return Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
        }
        return (kib("VmRSS") / 1024, kib("VmHWM") / 1024)
    }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// One wrk run's summary, from the `BENCH` line the Lua script prints.
struct LoadResult {
    var requests = 0
    var seconds = 0.0
    var errors = 0
    var p50 = 0.0
    var p99 = 0.0

    var perSecond: Double { seconds > 0 ? Double(requests) / seconds : 0 }

    /// Drives `url` with wrk for `seconds` over `connections` connections.
    static func run(url: String, script: String, connections: Int, threads: Int, seconds: Int, runID: String)
        throws -> LoadResult
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "wrk", "-t", "\(min(threads, connections))", "-c", "\(connections)", "-d", "\(seconds)s", "-s", script,
            url,
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["BENCH_RUN"] = runID
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0,
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("BENCH ") })
        else { throw BenchError("wrk failed (is it installed? apt-get install wrk):\n\(text)") }
        var fields: [String: Double] = [:]
        for pair in line.split(separator: " ").dropFirst() {
            let parts = pair.split(separator: "=")
            if parts.count == 2 { fields[String(parts[0])] = Double(parts[1]) }
        }
        return LoadResult(
            requests: Int(fields["requests"] ?? 0), seconds: (fields["duration_us"] ?? 0) / 1e6,
            errors: Int((fields["socket_errors"] ?? 0) + (fields["non2xx"] ?? 0)), p50: (fields["p50_us"] ?? 0) / 1000,
            p99: (fields["p99_us"] ?? 0) / 1000)
    }
}
