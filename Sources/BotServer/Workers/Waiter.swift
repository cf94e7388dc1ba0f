import Synchronization

/// One suspended caller, resumed exactly once by whichever comes first: `resume(returning:)`, its
/// timeout, or the cancellation of the waiting task. A value that arrives before the caller suspends
/// is kept and returned at once, so a wake-up can never be lost between the two.
///
/// The signal, the webhook waiters and the offloaded work all wait this way; the continuation and timer
/// logic lives here once.
final class Waiter<Value: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<Value, Never>?
        var early: Value?
        var resumed = false
    }

    private let state = Mutex(State())

    init() {}

    /// Resumes the caller with `value`; false when it was resumed already, and the value is dropped.
    @discardableResult
    func resume(returning value: Value) -> Bool {
        let (first, continuation) = state.withLock { state -> (Bool, CheckedContinuation<Value, Never>?) in
            guard !state.resumed else { return (false, nil) }
            state.resumed = true
            guard let continuation = state.continuation else {
                state.early = value
                return (true, nil)
            }
            state.continuation = nil
            return (true, continuation)
        }
        continuation?.resume(returning: value)
        return first
    }

    /// The resumed value; `whenCancelled`, when given, if the task is cancelled first (else cancellation
    /// is ignored and the caller waits on).
    func value(whenCancelled: Value? = nil) async -> Value {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let early = state.withLock { state -> Value? in
                    if let early = state.early { return early }
                    state.continuation = continuation
                    return nil
                }
                if let early { continuation.resume(returning: early) }
            }
        } onCancel: {
            if let whenCancelled { resume(returning: whenCancelled) }
        }
    }

    /// The resumed value, or `fallback` when `timeout` passes or the task is cancelled first.
    func value(timeout: Duration, fallback: Value) async -> Value {
        let timer = Task { [weak self] in
            do { try await Task.sleep(for: timeout) } catch { return }
            self?.resume(returning: fallback)
        }
        defer { timer.cancel() }
        return await value(whenCancelled: fallback)
    }
}
