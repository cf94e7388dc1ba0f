import Dispatch
import Synchronization

/// Runs blocking work (a DNS lookup, disk writes, image decoding) on a Dispatch thread, so the few
/// cooperative threads that also serve webhooks never wait on it. With `whenCancelled`, a cancelled
/// caller gets that value at once and the work finishes unobserved.
func offloaded<T: Sendable>(whenCancelled: T? = nil, _ work: @escaping @Sendable () -> T) async -> T {
    let waiter = OnceWaiter<T>()
    return await withTaskCancellationHandler {
        await withCheckedContinuation { continuation in
            waiter.begin(continuation)
            DispatchQueue.global().async { waiter.finish(work()) }
        }
    } onCancel: {
        if let whenCancelled { waiter.finish(whenCancelled) }
    }
}

/// A continuation resumed by whichever comes first, the work or the cancellation.
private final class OnceWaiter<T: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<T, Never>?
        var early: T?
        var finished = false
    }

    private let state = Mutex(State())

    func begin(_ continuation: CheckedContinuation<T, Never>) {
        let early = state.withLock { state -> T? in
            if let early = state.early { return early }
            state.continuation = continuation
            return nil
        }
        if let early { continuation.resume(returning: early) }
    }

    func finish(_ value: T) {
        let continuation = state.withLock { state -> CheckedContinuation<T, Never>? in
            guard !state.finished else { return nil }
            state.finished = true
            guard let continuation = state.continuation else {
                state.early = value
                return nil
            }
            state.continuation = nil
            return continuation
        }
        continuation?.resume(returning: value)
    }
}
