import Foundation
import Logging
import TaskBoard

/// Delivers queued replies with exponential backoff; a reply is marked sent only after the platform
/// answered 2xx, and marked failed (and logged) after the last attempt.
struct OutboxWorker: PollingWorker {
    let store: any OutboxQueue
    let senders: ReplySenders
    let signal: WorkSignal
    let retryBase: Double
    let maxAttempts: Int
    let logger: Logger
    var pollInterval: Duration = .seconds(5)
    var metrics: ServerMetrics?

    static let queueName = "outbox"

    func claim() async throws -> Claim<OutboxMessage> {
        try await store.claimOutbox(limit: 50)
    }

    func work(_ rows: [OutboxMessage]) async -> PolledBatch {
        for row in rows { await deliver(row) }
        return PolledBatch(count: rows.count)
    }

    func secondsUntilNextDue() async throws -> Double? {
        // Measured on the store's clock, the one due times are written in.
        try await store.secondsUntilNextOutbox()
    }

    /// Delay before attempt `n + 1` after `n` failures: base, 2·base, 4·base …
    func backoff(afterFailures failures: Int) -> Double {
        retryBase * pow(2, Double(max(failures - 1, 0)))
    }

    private func deliver(_ row: OutboxMessage) async {
        guard let id = row.id else { return }
        var logger = logger
        logger[metadataKey: "outbox.id"] = "\(id)"
        logger[metadataKey: "outbox.attempt"] = "\(row.attempts + 1)"
        let outcome: (any Error)?
        do {
            let reply = try JSONDecoder().decode(OutboundReply.self, from: Data(row.payload.utf8))
            guard let sender = senders.sender(for: reply.channel) else {
                throw ReplySendError(status: nil, detail: "no sender configured for channel \(reply.channel)")
            }
            try await sender.send(reply)
            outcome = nil
        } catch {
            outcome = error
        }
        // What happened to a reply is recorded even when shutdown began while it was sent: a reply
        // that went out but is not marked sent would go out again after the restart. The write is
        // one short statement, so it runs to its end outside the cancelled task.
        // A send cut short by the shutdown is no attempt: the reply is sent after the restart.
        if outcome is CancellationError { return }
        let recorded = Task { [outcome, logger] in try await record(outcome, of: row, id: id, logger: logger) }
        do {
            try await recorded.value
        } catch {
            logger.error("outbox.mark failed", metadata: ["error": "\(error)"])
        }
    }

    private func record(
        _ outcome: (any Error)?, of row: OutboxMessage, id: Int64, logger: Logger
    ) async throws {
        if let outcome {
            let failures = row.attempts + 1
            let permanent = (outcome as? ReplySendError)?.permanent ?? false
            let delay: Double? = failures >= maxAttempts || permanent ? nil : backoff(afterFailures: failures)
            let error = "\(outcome)"
            try await store.markAttemptFailed(outboxID: id, error: error, retryAfter: delay)
            metrics?.outboxDelivery(outcome: delay == nil ? "failed" : "retry")
            if delay == nil {
                logger.error("outbox.failed", metadata: ["error": "\(outcome)"])
            } else {
                logger.warning("outbox.retry", metadata: ["error": "\(outcome)"])
            }
        } else {
            try await store.markSent(outboxID: id)
            metrics?.outboxDelivery(outcome: "sent")
            logger.debug("outbox.sent")
        }
    }
}
