import Foundation
import Hummingbird

/// The simulator's 时间 control: run a calendar job now, or — in the open demo — move the demo's
/// clock on so the jobs' slots come as they would in real days.
struct SimTime: Sendable {
    let scheduler: Scheduler
    /// Nil unless the server runs the open demo on a `DemoClock`.
    let clock: DemoClock?

    /// What the page posts: one of the two.
    struct Request: Decodable {
        var job: String?
        /// `1h`, `1d` or `report` (to the weekly report's next slot, `schedule.weekly_report`).
        var advance: String?
    }

    struct Answer: Encodable {
        var ok: Bool
        var queued: Int
        var now: String
    }

    enum Refusal: Error, CustomStringConvertible {
        case unknownJob(String)
        case unknownStep(String)
        case notADemo
        case nothingAsked

        var description: String {
            switch self {
            case .unknownJob(let name): "unknown job \(name)"
            case .unknownStep(let step): "unknown time step \(step): 1h, 1d or report (when weekly_report is on)"
            case .notADemo: "the clock moves only in the open demo (no platform configured)"
            case .nothingAsked: "send {\"job\": NAME} or {\"advance\": \"1h\"|\"1d\"|\"report\"}"
            }
        }
    }

    /// Runs the job, or moves the clock and runs what fell due; returns how many replies were queued.
    func perform(_ request: Request) async throws -> Int {
        if let name = request.job {
            guard let job = Job(rawValue: name) else { throw Refusal.unknownJob(name) }
            return try await scheduler.runNow(job)
        }
        guard let step = request.advance else { throw Refusal.nothingAsked }
        guard let clock else { throw Refusal.notADemo }
        let seconds = try self.seconds(step, from: clock.now())
        clock.advance(by: seconds)
        return try await scheduler.runDue().values.reduce(0, +)
    }

    private func seconds(_ step: String, from now: Date) throws -> TimeInterval {
        switch step {
        case "1h": return 3600
        case "1d": return 86_400
        case "report":
            // The configured slot, not a fixed Monday morning: the step lands where the report is due.
            let config = scheduler.jobs.config
            guard let slot = try config.schedule.time(of: .weeklyReport).nextSlot(after: now, in: config.calendar)
            else { throw Refusal.unknownStep(step) }
            return slot.timeIntervalSince(now)
        default: throw Refusal.unknownStep(step)
        }
    }
}
