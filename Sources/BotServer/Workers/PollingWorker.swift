import Logging
import ServiceLifecycle
import TaskBoard

/// A worker that drains a durable queue, then sleeps until it is signalled, the next row falls due or
/// the poll interval passes. The loop, the wake-up and the wait live here once; a worker supplies its
/// crash-guarded claim, the work on a claimed batch and, when rows wait for a time, its next-due query.
///
/// A missed wake-up only costs the poll interval, because the rows themselves are in the database.
protocol PollingWorker: Service {
    associatedtype Row: Sendable

    /// Names the queue in log messages and metadata keys (`inbox.read failed`, `inbox.id`).
    static var queueName: String { get }
    /// Notified when work was stored.
    var signal: WorkSignal { get }
    /// The longest sleep between two drains.
    var pollInterval: Duration { get }
    var logger: Logger { get }

    /// The next batch, taken through the store's crash guard so a row that kills processing is quarantined.
    func claim() async throws -> Claim<Row>
    /// Called for each row the claim quarantined, after it is logged.
    func quarantined(_ id: Int64) async
    /// Works one claimed batch.
    func work(_ rows: [Row]) async -> PolledBatch
    /// Seconds on the store's clock until the next row falls due; nil when none waits for a time.
    func secondsUntilNextDue() async throws -> Double?
    /// Runs after every drain, before the wait.
    func afterDrain() async
}

/// What working one claimed batch came to.
struct PolledBatch: Sendable {
    /// Rows handled or attempts made; `drain()` answers their sum.
    var count: Int
    /// False when a row may still be due (its mark failed, or shutdown began): claiming again at once
    /// would repeat it, so the next wake-up tries it instead.
    var claimAgain = true
}

extension PollingWorker {
    func quarantined(_ id: Int64) async {}
    func secondsUntilNextDue() async throws -> Double? { nil }
    func afterDrain() async {}

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await drain()
                await afterDrain()
                await signal.wait(timeout: await nextWait())
            }
        }
    }

    /// Works everything due now; returns how many rows were handled or attempts made.
    @discardableResult
    func drain() async -> Int {
        let name = Self.queueName
        var count = 0
        while !Task.isCancelled {
            let claim: Claim<Row>
            do {
                claim = try await self.claim()
            } catch is CancellationError {
                return count
            } catch {
                logger.error("\(name).read failed", metadata: ["error": "\(error)"])
                return count
            }
            for id in claim.quarantined {
                logger.critical(
                    "\(name).quarantined", metadata: ["\(name).id": "\(id)", "reason": "\(CrashGuard.reason)"])
                await quarantined(id)
            }
            if claim.rows.isEmpty { return count }
            let batch = await work(claim.rows)
            count += batch.count
            if !batch.claimAgain { return count }
        }
        return count
    }

    /// Until the next row is due, capped by the poll interval; a row already due gives a token wait.
    func nextWait() async -> Duration {
        guard let seconds = try? await secondsUntilNextDue() else { return pollInterval }
        if seconds <= 0 { return .milliseconds(1) }
        return min(.milliseconds(Int64(seconds * 1000) + 1), pollInterval)
    }
}
