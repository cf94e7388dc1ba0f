import ArgumentParser
import Foundation
import Logging
import TaskBoard

/// `fengchao jobs`: the community's calendar, for operators: what runs when, and one job run by hand.
struct JobsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs",
        abstract: "List the calendar's jobs or run one now.",
        subcommands: [List.self, Run.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Each job: when it runs, its last and next run.")

        @OptionGroup var options: JobsOptions

        func run() async throws {
            let scheduler = try await options.scheduler(at: nil)
            let config = try options.loadConfig()
            for entry in try await scheduler.status() {
                let last = entry.last.map { config.format($0, pattern: "yyyy-MM-dd HH:mm") } ?? "never"
                let next = entry.next.map { config.format($0, pattern: "yyyy-MM-dd HH:mm") } ?? "-"
                print("\(entry.job.rawValue)\t\(entry.time)\tlast \(last)\tnext \(next)")
            }
        }
    }

    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run one job now against the configured database and print what it queued.")

        @Argument(help: "The job: \(Job.allCases.map(\.rawValue).joined(separator: ", ")).")
        var name: String

        @Option(help: "Act as if it were this time, in the community's zone (\"2026-12-07 09:00\").")
        var at: String?

        @OptionGroup var options: JobsOptions

        func run() async throws {
            guard let job = Job(rawValue: name) else {
                throw ValidationError(
                    "unknown job \(name); one of \(Job.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let config = try options.loadConfig()
            let instant = try at.map { text in
                guard let date = config.parse(text, pattern: "yyyy-MM-dd HH:mm") else {
                    throw ValidationError("--at wants \"yyyy-MM-dd HH:mm\", got \(text)")
                }
                return date
            }
            let scheduler = try await options.scheduler(at: instant)
            let before = Set(
                try await scheduler.store.read { tx in try tx.queue.outbox(status: OutboxStatus.pending).map { $0.id } }
            )
            let queued = try await scheduler.runNow(job)
            let added = try await scheduler.store.read { tx in try tx.queue.outbox(status: OutboxStatus.pending) }
                .filter { !before.contains($0.id) }
            print("\(job.rawValue): \(queued) replies queued")
            for message in added {
                let reply = try? JSONDecoder().decode(OutboundReply.self, from: Data(message.payload.utf8))
                print("→ \(message.channel)/\(message.target): \(reply?.text ?? message.payload)")
            }
        }
    }
}

/// What both `jobs` subcommands read: the configuration and, from it, the store and the use cases.
struct JobsOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "YAML configuration file (default: $FENGCHAO_CONFIG, else built-in defaults).")
    var config: String?

    func loadConfig() throws -> AppConfig {
        do {
            return try AppConfig.load(path: config)
        } catch let error as ConfigError {
            throw ValidationError(error.description)
        }
    }

    func scheduler(at instant: Date?) async throws -> Scheduler {
        let config = try loadConfig()
        let store = try openStore(config: config, clock: { instant ?? Date() })
        return Scheduler(
            store: store, jobs: CalendarJobs(setup: try await LiveSetup.load(config: config, store: store)),
            logger: Logger(label: "fengchao.jobs"), outboxSignal: WorkSignal())
    }
}
