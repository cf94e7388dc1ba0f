import Testing

@testable import BotServer

/// The one continuation-and-timer primitive behind the work signal, the webhook waiters and offloaded work.
@Suite struct WaiterTests {
    /// A value that arrives before the caller suspends is kept, so the wake-up is not lost.
    @Test func aResumeBeforeTheWaitIsKept() async {
        let waiter = Waiter<Int>()
        #expect(waiter.resume(returning: 7))
        #expect(await waiter.value(timeout: .seconds(60), fallback: 0) == 7)
    }

    /// Only the first of resume, timeout and cancellation counts.
    @Test func onlyTheFirstResumeCounts() async {
        let waiter = Waiter<Int>()
        #expect(waiter.resume(returning: 1))
        #expect(!waiter.resume(returning: 2))
        #expect(await waiter.value() == 1)
    }

    @Test func theTimeoutGivesTheFallback() async {
        let waiter = Waiter<Bool>()
        #expect(await waiter.value(timeout: .milliseconds(10), fallback: false) == false)
        #expect(!waiter.resume(returning: true))
    }

    @Test func cancellationGivesTheFallback() async {
        let waiter = Waiter<Bool>()
        let task = Task { await waiter.value(timeout: .seconds(60), fallback: false) }
        task.cancel()
        #expect(await task.value == false)
    }

    /// A notify with nobody waiting wakes the next wait at once.
    @Test func aSignalSentBeforeTheWaitIsNotLost() async {
        let signal = WorkSignal()
        await signal.notify()
        let started = ContinuousClock.now
        await signal.wait(timeout: .seconds(60))
        #expect(ContinuousClock.now - started < .seconds(30))
    }

    /// A webhook waiting for its message learns it was handled.
    @Test func processingWaitersAnswerTrueWhenTheMessageIsHandled() async {
        let waiters = ProcessingWaiters()
        async let handled = waiters.wait(for: 5, timeout: .seconds(60))
        // Finished before or after the wait began, the answer is the same.
        await waiters.finished(5)
        #expect(await handled)
        #expect(await waiters.wait(for: 6, timeout: .milliseconds(10)) == false)
    }
}
