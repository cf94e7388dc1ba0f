import Dispatch

/// Runs blocking work (a DNS lookup, disk writes, image decoding) on a Dispatch thread, so the few
/// cooperative threads that also serve webhooks never wait on it. With `whenCancelled`, a cancelled
/// caller gets that value at once and the work finishes unobserved.
func offloaded<T: Sendable>(whenCancelled: T? = nil, _ work: @escaping @Sendable () -> T) async -> T {
    let waiter = Waiter<T>()
    DispatchQueue.global().async { waiter.resume(returning: work()) }
    return await waiter.value(whenCancelled: whenCancelled)
}
