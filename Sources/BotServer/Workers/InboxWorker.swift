import IntentParser
import Logging
import ServiceLifecycle
import TaskBoard

/// Handles stored messages one at a time in arrival order, which keeps each group's order.
///
/// Pending rows survive restarts: a message acknowledged to a platform is handled on the next start
/// if the process died first.
struct InboxWorker: Service {
    let store: BoardStore
    let handler: MessageHandler
    let signal: WorkSignal
    let outboxSignal: WorkSignal
    /// Woken after each handled message: it may have brought photos to download.
    var photoSignal: WorkSignal?
    let logger: Logger
    /// Webhooks waiting to answer passively with this message's reply.
    var waiters: ProcessingWaiters?
    var pollInterval: Duration = .seconds(2)

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await drain()
                await settleParked()
                await signal.wait(timeout: pollInterval)
            }
        }
    }

    /// Processes everything pending now; returns how many rows were looked at.
    @discardableResult
    func drain() async -> Int {
        var count = 0
        while !Task.isCancelled {
            let batch: [InboxMessage]
            do {
                batch = try await store.read { tx in try tx.pendingInbox(limit: 50) }
            } catch {
                logger.error("inbox.read failed", metadata: ["error": "\(error)"])
                return count
            }
            if batch.isEmpty { return count }
            for row in batch {
                await process(row)
                if let id = row.id { await waiters?.finished(id) }
                count += 1
            }
        }
        return count
    }

    /// Photo-only messages whose window has passed become reports of their own or join what they belong to.
    func settleParked() async {
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
            switch try await handler.handle(row, logger: logger) {
            case .handled(let intent, let replies):
                logger.info("inbox.handled", metadata: ["intent": "\(intent.rawValue)", "replies": "\(replies)"])
                if replies > 0 { await outboxSignal.notify() }
                await photoSignal?.notify()
            case .ignored(let reason):
                logger.warning("inbox.ignored", metadata: ["reason": "\(reason)"])
            }
        } catch {
            // The transaction rolled back; mark the row so one bad message cannot block the queue.
            logger.error("inbox.failed", metadata: ["error": "\(error)"])
            guard let id = row.id else { return }
            do {
                try await store.write { tx in try tx.markInbox(id: id, state: .failed, error: "\(error)") }
            } catch {
                logger.error("inbox.mark_failed failed", metadata: ["error": "\(error)"])
            }
        }
    }
}
