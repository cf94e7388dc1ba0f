/// Wakes a worker when new work is stored, so it need not poll tightly; a missed wake-up only
/// costs the worker's poll interval, because the work itself lives in the database.
actor WorkSignal {
    private var pending = false
    private var waiter: Waiter<Void>?

    init() {}

    func notify() {
        // A waiter its timeout already resumed has not yet returned: keep the wake-up for the next wait.
        let woke = waiter?.resume(returning: ()) ?? false
        waiter = nil
        if !woke { pending = true }
    }

    /// Returns on the next `notify`, after `timeout`, or when the task is cancelled.
    func wait(timeout: Duration) async {
        if pending {
            pending = false
            return
        }
        if Task.isCancelled { return }
        let waiter = Waiter<Void>()
        self.waiter = waiter
        await waiter.value(timeout: timeout, fallback: ())
        if self.waiter === waiter { self.waiter = nil }
    }
}
