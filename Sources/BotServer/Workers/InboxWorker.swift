import IntentParser
import Logging
import TaskBoard

/// Handles stored messages one at a time in arrival order, which keeps each group's order.
///
/// Pending rows survive restarts: a message acknowledged to a platform is handled on the next start
/// if the process died first.
struct InboxWorker: PollingWorker {
    let store: any InboxQueue
    let handler: MessageHandler
    let signal: WorkSignal
    let outboxSignal: WorkSignal
    /// Woken after each handled message: it may have brought photos to download.
    var photoSignal: WorkSignal?
    let logger: Logger
    /// Webhooks waiting to answer passively with this message's reply.
    var waiters: ProcessingWaiters?
    var pollInterval: Duration = .seconds(2)
    /// Tests only: runs before a message is handled, to stand in for work that kills the process.
    var beforeHandling: (@Sendable (InboxMessage) async throws -> Void)?

    static let queueName = "inbox"

    func claim() async throws -> Claim<InboxMessage> {
        try await store.claimInbox(limit: 50)
    }

    /// A quarantined message will not be handled: its webhook stops waiting for a reply.
    func quarantined(_ id: Int64) async {
        await waiters?.finished(id)
    }

    func work(_ rows: [InboxMessage]) async -> PolledBatch {
        var count = 0
        for row in rows {
            if Task.isCancelled { break }
            await process(row)
            if let id = row.id { await waiters?.finished(id) }
            count += 1
        }
        return PolledBatch(count: count)
    }

    /// After each drain, photo-only messages whose window has passed become reports of their own or
    /// join what they belong to.
    func afterDrain() async {
        do {
            if try await handler.settleParked() > 0 { await outboxSignal.notify() }
        } catch {
            logger.error("conversation.settle failed", metadata: ["error": "\(error)"])
        }
    }

    private func process(_ row: InboxMessage) async {
        var logger = logger
        logger[metadataKey: "inbox.id"] = "\(row.id ?? 0)"
        logger[metadataKey: "inbox.channel"] = "\(row.channel)"
        do {
            try await beforeHandling?(row)
            switch try await handler.handle(row, logger: logger) {
            case .handled(let intent, let replies):
                logger.info("inbox.handled", metadata: ["intent": "\(intent.rawValue)", "replies": "\(replies)"])
                if replies > 0 { await outboxSignal.notify() }
                await photoSignal?.notify()
            case .ignored(let reason, let replies):
                logger.warning("inbox.ignored", metadata: ["reason": "\(reason)"])
                if replies > 0 { await outboxSignal.notify() }
            }
        } catch is CancellationError {
            // Shutting down: the row stays pending and is handled after the restart.
            return
        } catch {
            // The transaction rolled back; mark the row so one bad message cannot block the queue.
            logger.error("inbox.failed", metadata: ["error": "\(error)"])
            guard let id = row.id else { return }
            do {
                try await store.markInbox(id: id, state: .failed, error: "\(error)")
            } catch {
                logger.error("inbox.mark_failed failed", metadata: ["error": "\(error)"])
            }
        }
    }
}
