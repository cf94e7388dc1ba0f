import Foundation
import Logging
import ServiceLifecycle
import TaskBoard

/// Runs the calendar's jobs when their slots come, beside the queue workers. Each run stores the slot
/// it ran for in the transaction that queues its replies, so a restart never runs a slot twice and a
/// downtime is caught up once: only the latest missed slot runs, not every one. A job's first slot on a
/// new store is only recorded.
struct Scheduler: Service {
    let store: BoardStore
    let jobs: CalendarJobs
    let logger: Logger
    /// Wakes the outbox when a run queued replies.
    let outboxSignal: WorkSignal
    /// How often the clock is looked at; slots are whole minutes.
    var tick: Duration = .seconds(20)
    /// Wakes the loop early (the simulator's time control, a test).
    let wake = WorkSignal()

    private var schedule: ScheduleSettings { jobs.config.schedule }

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await runDue()
                } catch is CancellationError {
                    return
                } catch {
                    logger.error("schedule.failed", metadata: ["error": "\(error)"])
                }
                await wake.wait(timeout: tick)
            }
        }
    }

    /// Runs every job whose latest slot has not run yet, in the order `Job` lists them.
    @discardableResult
    func runDue() async throws -> [Job: Int] {
        var ran: [Job: Int] = [:]
        for job in Job.allCases {
            let time = try schedule.time(of: job)
            let calendar = jobs.config.calendar
            let queued = try await store.write { tx -> Int? in
                guard let slot = time.latestSlot(atOrBefore: tx.now, in: calendar) else { return nil }
                let last = try tx.lastSlot(ofJob: job.rawValue)
                if let last, last >= slot { return nil }
                // A new installation starts counting now: no report of a week before it existed.
                let queued = last == nil ? 0 : try jobs.run(job, slot: slot, tx: tx)
                try tx.recordRun(ofJob: job.rawValue, slot: slot)
                return queued
            }
            if let queued { ran[job] = queued }
        }
        try await finished(ran)
        return ran
    }

    /// Runs one job now, whatever its slot: for an operator (`fengchao jobs run`) and the simulator.
    /// Its slot is not recorded, so the scheduled run still happens.
    @discardableResult
    func runNow(_ job: Job) async throws -> Int {
        let queued = try await store.write { tx in try jobs.run(job, slot: tx.now, tx: tx) }
        try await finished([job: queued])
        return queued
    }

    /// Each job's last slot and next slot, for `fengchao jobs list`.
    func status() async throws -> [(job: Job, time: JobTime, last: Date?, next: Date?)] {
        let calendar = jobs.config.calendar
        return try await store.read { tx in
            try Job.allCases.map { job in
                let time = try schedule.time(of: job)
                return (job, time, try tx.lastSlot(ofJob: job.rawValue), time.nextSlot(after: tx.now, in: calendar))
            }
        }
    }

    private func finished(_ ran: [Job: Int]) async throws {
        for (job, queued) in ran.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            logger.info("schedule.ran", metadata: ["job": "\(job.rawValue)", "replies": "\(queued)"])
        }
        if ran.values.contains(where: { $0 > 0 }) { await outboxSignal.notify() }
    }
}
