import Foundation
import IntentParser
import Logging
import TaskBoard

/// Handles stored messages in batches in arrival order, which keeps each group's order.
///
/// Pending rows survive restarts: a message acknowledged to a platform is handled on the next start
/// if the process died first.
struct InboxWorker: PollingWorker {
    let store: any InboxQueue
    let handler: MessageHandler
    /// The set-up each batch is handled with, as it stands when the batch begins; nil: `handler`'s.
    var setup: LiveSetup?
    let signal: WorkSignal
    let outboxSignal: WorkSignal
    /// Woken after each handled message: it may have brought photos to download.
    var photoSignal: WorkSignal?
    let logger: Logger
    /// Webhooks waiting to answer passively with this message's reply.
    var waiters: ProcessingWaiters?
    var pollInterval: Duration = .seconds(2)
    var metrics: ServerMetrics?
    /// Tests only: runs before a message is handled, to stand in for work that kills the process.
    var beforeHandling: (@Sendable (InboxMessage) async throws -> Void)?

    static let queueName = "inbox"

    func claim() async throws -> Claim<InboxMessage> {
        try await store.claimInbox(limit: Self.batchSize)
    }

    /// Messages handled per transaction: enough to spread one fsync over many, few enough that a
    /// webhook ack waiting for the writer waits only a few milliseconds.
    static let batchSize = 32

    private var currentHandler: MessageHandler { setup.map { handler.with($0.current) } ?? handler }

    /// A quarantined message will not be handled: its webhook stops waiting for a reply.
    func quarantined(_ id: Int64) async {
        await waiters?.finished(id)
    }

    func work(_ rows: [InboxMessage]) async -> PolledBatch {
        var ready: [InboxMessage] = []
        for row in rows {
            do {
                try await beforeHandling?(row)
                ready.append(row)
            } catch is CancellationError {
                // Shutting down: the rows stay pending and are handled after the restart.
                return PolledBatch(count: 0, claimAgain: false)
            } catch {
                await finish(row, .failure(error))
            }
        }
        if Task.isCancelled { return PolledBatch(count: 0, claimAgain: false) }
        let outcomes: [Result<MessageHandler.Result, any Error>]
        do {
            outcomes = try await currentHandler.handle(ready, logger: logger)
        } catch is CancellationError {
            return PolledBatch(count: 0, claimAgain: false)
        } catch {
            // The members could not be read: nothing was written, each row is failed with the reason.
            outcomes = ready.map { _ in .failure(error) }
        }
        for (row, outcome) in zip(ready, outcomes) { await finish(row, outcome) }
        return PolledBatch(count: rows.count)
    }

    /// After each drain, photo-only messages whose window has passed become reports of their own or
    /// join what they belong to.
    func afterDrain() async {
        do {
            if try await currentHandler.settleParked() > 0 { await outboxSignal.notify() }
        } catch is CancellationError {
            // Shutting down: the parked photos settle after the restart.
        } catch {
            logger.error("conversation.settle failed", metadata: ["error": "\(error)"])
        }
    }

    /// Logs how a message ended, wakes the workers its replies and photos need, and marks a failure
    /// (its transaction rolled back, so one bad message cannot block the queue).
    private func finish(_ row: InboxMessage, _ outcome: Result<MessageHandler.Result, any Error>) async {
        var logger = logger
        logger[metadataKey: "inbox.id"] = "\(row.id ?? 0)"
        logger[metadataKey: "inbox.channel"] = "\(row.channel)"
        let waited = Duration.seconds(max(Date().timeIntervalSince(row.receivedAt), 0))
        switch outcome {
        case .success(.handled(let intent, let replies)):
            logger.info("inbox.handled", metadata: ["intent": "\(intent.rawValue)", "replies": "\(replies)"])
            if replies > 0 { await outboxSignal.notify() }
            await photoSignal?.notify()
            metrics?.processed(outcome: "handled", waited: waited)
        case .success(.ignored(let reason, let replies)):
            logger.warning("inbox.ignored", metadata: ["reason": "\(reason)"])
            if replies > 0 { await outboxSignal.notify() }
            metrics?.processed(outcome: "ignored", waited: waited)
        case .failure(let error) where error is CancellationError:
            // Shutting down: the row stays pending and is handled after the restart.
            return
        case .failure(let error):
            logger.error("inbox.failed", metadata: ["error": "\(error)"])
            metrics?.processed(outcome: "failed", waited: waited)
            if let id = row.id {
                do {
                    try await store.markInbox(id: id, state: .failed, error: "\(error)")
                } catch {
                    logger.error("inbox.mark_failed failed", metadata: ["error": "\(error)"])
                }
            }
        }
        if let id = row.id { await waiters?.finished(id) }
    }
}
