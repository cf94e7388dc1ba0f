import ArgumentParser
import BoardBench
import Foundation
import Hummingbird
import HummingbirdBcrypt
import Logging
import ServiceLifecycle
import TaskBoard

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Seeds a scratch store with a district's year of items, runs the real server on it, logs in and
/// times the board's pages over loopback: the figures the notes give for the board at scale.
struct BenchBoardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "board",
        abstract: "Time the item list, filtered lists, search and the overview over a seeded store."
    )

    @Option(help: "Items to seed.")
    var items: Int = 100_000

    @Option(help: "Timed requests per page (after one untimed warm-up).")
    var runs: Int = 20

    @Option(help: "Port for the benchmark server on 127.0.0.1.")
    var port: Int = 8199

    @Option(help: "Keep the seeded store in this folder (default: a temporary folder, removed afterwards).")
    var keep: String?

    @Flag(help: "Log each request with the server's own time (http.ms), to tell server time from the client's.")
    var serverLog = false

    func validate() throws {
        guard items > 0, runs > 0 else { throw ValidationError("--items and --runs must be positive.") }
    }

    func run() async throws {
        let folder =
            keep.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("fengchao-bench-\(UUID().uuidString)")
        defer { if keep == nil { try? FileManager.default.removeItem(at: folder) } }
        var config = AppConfig()
        config.storage.path = folder.path
        config.server.port = port
        config.logLevel = serverLog ? "info" : "error"
        config.board.users = [
            BoardUserConfig(
                name: "bench", passwordHash: Bcrypt.hash("bench", cost: 4), role: .secretary, grid: nil, member: nil,
                displayName: nil)
        ]
        let store = try BoardStore.open(directory: folder.path, rules: config.points)
        let seedStart = ContinuousClock.now
        let seeded = try await store.write { [items] tx in try tx.seedBenchmarkItems(count: items) }
        print("seeded \(items) items in \(ContinuousClock.now - seedStart)")

        var logger = Logger(label: "bench")
        logger.logLevel = serverLog ? .info : .error
        let app = try await buildApplication(
            config: config, dependencies: AppDependencies(logger: logger, store: store))
        let server = Task { try await app.runService() }
        defer { server.cancel() }
        let base = "http://127.0.0.1:\(port)"
        let client = BenchBrowser(base: base)
        try await client.waitUntilUp()
        try await client.login(name: "bench", password: "bench")

        let category = seeded.categories[0].addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        let grid = seeded.grids[0].addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        let pages: [(String, String)] = [
            ("overview", "/board"),
            ("item list, newest, page 1", "/board/items"),
            ("item list, page 100", "/board/items?page=100"),
            ("filtered: open + category + grid", "/board/items?status=open&category=\(category)&grid=\(grid)"),
            ("overdue", "/board/items?overdue=1"),
            ("text search", "/board/items?q=%E4%B8%8B%E6%B0%B4%E9%81%93"),
            ("item page", "/board/items/\(seeded.itemIDs.upperBound / 2)"),
        ]
        print("page                               p50 ms   p90 ms   max ms  (loopback, \(runs) runs)")
        for (name, path) in pages {
            _ = try await client.get(path)
            var samples: [Double] = []
            for _ in 0..<runs {
                let start = ContinuousClock.now
                let status = try await client.get(path)
                let elapsed = ContinuousClock.now - start
                guard status == 200 else { throw ValidationError("\(path) answered \(status)") }
                samples.append(
                    Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
            }
            samples.sort()
            print(
                name.padding(toLength: 34, withPad: " ", startingAt: 0)
                    + String(
                        format: "%7.1f  %7.1f  %7.1f", samples[samples.count / 2], samples[samples.count * 9 / 10],
                        samples[samples.count - 1]))
        }
        #if DEBUG
            print("warning: debug build; run `swift run -c release fengchao bench board` for real figures")
        #endif
    }
}

/// The least of a browser: a cookie jar and GETs, enough to time logged-in pages.
private final class BenchBrowser: @unchecked Sendable {
    let base: String
    let session: URLSession
    private var cookie = ""

    init(base: String) {
        self.base = base
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        session = URLSession(configuration: configuration, delegate: NoRedirects(), delegateQueue: nil)
    }

    func waitUntilUp() async throws {
        for _ in 0..<200 {
            if (try? await get("/healthz")) == 200 { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw ValidationError("the benchmark server did not start")
    }

    func login(name: String, password: String) async throws {
        var request = URLRequest(url: URL(string: base + "/board/login")!)
        let (data, response) = try await session.perform(request)
        let html = String(decoding: data, as: UTF8.self)
        guard let http = response as? HTTPURLResponse, let loginCookie = Self.cookie(http, "fc_login"),
            let range = html.range(of: #"name="csrf" value="[0-9a-f]+""#, options: .regularExpression)
        else { throw ValidationError("no login form") }
        let token = html[range].split(separator: "\"")[3]
        request.httpMethod = "POST"
        request.setValue("fc_login=\(loginCookie)", forHTTPHeaderField: "Cookie")
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data("csrf=\(token)&username=\(name)&password=\(password)".utf8)
        let (_, answer) = try await session.perform(request)
        guard let http = answer as? HTTPURLResponse, let session = Self.cookie(http, "fc_session") else {
            throw ValidationError("login failed")
        }
        cookie = "fc_session=\(session)"
    }

    func get(_ path: String) async throws -> Int {
        var request = URLRequest(url: URL(string: base + path)!)
        request.setValue(cookie, forHTTPHeaderField: "Cookie")
        let (_, response) = try await session.perform(request)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }

    private static func cookie(_ response: HTTPURLResponse, _ name: String) -> String? {
        guard let header = response.value(forHTTPHeaderField: "Set-Cookie") else { return nil }
        for part in header.components(separatedBy: ",") {
            let pair = part.trimmingCharacters(in: .whitespaces).split(separator: ";")[0].split(
                separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0] == name { return String(pair[1]) }
        }
        return nil
    }
}

/// The login answers with a redirect whose cookie must be read, not followed.
private final class NoRedirects: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}
