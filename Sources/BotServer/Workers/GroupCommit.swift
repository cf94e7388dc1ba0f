import Synchronization
import TaskBoard

/// Stores webhook arrivals by group commit: what arrives while one commit runs waits and is written
/// by the next, all of it in one transaction, so one fsync serves a whole batch of concurrent
/// requests. Each caller returns only after the commit that holds its message, so nothing is
/// acknowledged before it is durable (`synchronous = FULL` stays), and the store decides duplicates
/// row by row inside the transaction, a repeat within one batch included.
///
/// One commit at a time runs; an idle committer starts on the first arrival without waiting for
/// company, so a lone request pays no extra delay.
final class GroupCommit: Sendable {
    private struct Waiting {
        let arrival: InboxArrival
        let continuation: CheckedContinuation<StoredArrival, any Error>
    }

    private struct State {
        var waiting: [Waiting] = []
        var committing = false
    }

    private let state = Mutex(State())
    private let store: any InboxQueue
    /// The most rows one transaction takes; a larger crowd is written in several.
    let maxBatch: Int
    /// Told each batch's size after its commit (the metrics' batch histogram).
    private let committed: @Sendable (Int) -> Void

    init(store: any InboxQueue, maxBatch: Int = 256, committed: @escaping @Sendable (Int) -> Void = { _ in }) {
        self.store = store
        self.maxBatch = max(maxBatch, 1)
        self.committed = committed
    }

    /// Arrivals waiting for the next commit.
    var waitingCount: Int { state.withLock { $0.waiting.count } }

    /// Stores one arrival; returns once the transaction holding it has committed.
    func store(_ arrival: InboxArrival) async throws -> StoredArrival {
        try await withCheckedThrowingContinuation { continuation in
            let lead = state.withLock { state in
                state.waiting.append(Waiting(arrival: arrival, continuation: continuation))
                if state.committing { return false }
                state.committing = true
                return true
            }
            // Not tied to the request that started it: a cancelled request must not strand the others.
            if lead { Task { await self.commitAll() } }
        }
    }

    private func commitAll() async {
        while let batch = nextBatch() { await commit(batch) }
    }

    /// The waiting arrivals, oldest first; nil (and idle again) when none waits.
    private func nextBatch() -> [Waiting]? {
        state.withLock { state in
            guard !state.waiting.isEmpty else {
                state.committing = false
                return nil
            }
            let count = min(maxBatch, state.waiting.count)
            let batch = Array(state.waiting.prefix(count))
            state.waiting.removeFirst(count)
            return batch
        }
    }

    private func commit(_ batch: [Waiting]) async {
        do {
            let stored = try await store.storeInbox(batch.map(\.arrival))
            committed(batch.count)
            for (index, waiting) in batch.enumerated() {
                if index < stored.count {
                    waiting.continuation.resume(returning: stored[index])
                } else {
                    waiting.continuation.resume(throwing: UnansweredArrival())
                }
            }
        } catch {
            // The transaction rolled back as a whole: each arrival is tried alone, so one row that
            // cannot be written fails only its own request.
            guard batch.count > 1 else {
                batch[0].continuation.resume(throwing: error)
                return
            }
            for waiting in batch {
                do {
                    let row = try await store.storeInbox([waiting.arrival])
                    waiting.continuation.resume(returning: row[0])
                } catch {
                    waiting.continuation.resume(throwing: error)
                }
            }
        }
    }
}

/// The store answered fewer rows than it was given: the request is failed, not left waiting.
struct UnansweredArrival: Error {}
