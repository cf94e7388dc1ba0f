/// Lets a webhook wait, within a budget, until the inbox worker has handled the message it stored,
/// so WeChat and WeCom 1:1 chats can get the reply in the HTTP answer itself.
actor ProcessingWaiters {
    private var waiting: [Int64: [Waiter<Bool>]] = [:]
    private var finishedRecently: [Int64] = []

    /// True when the message was handled before the timeout.
    func wait(for inboxID: Int64, timeout: Duration) async -> Bool {
        if finishedRecently.contains(inboxID) { return true }
        let waiter = Waiter<Bool>()
        waiting[inboxID, default: []].append(waiter)
        let handled = await waiter.value(timeout: timeout, fallback: false)
        waiting[inboxID]?.removeAll { $0 === waiter }
        if waiting[inboxID]?.isEmpty == true { waiting[inboxID] = nil }
        return handled
    }

    /// Called by the inbox worker after every row, handled or not.
    func finished(_ inboxID: Int64) {
        finishedRecently.append(inboxID)
        if finishedRecently.count > 256 { finishedRecently.removeFirst(finishedRecently.count - 256) }
        for waiter in waiting.removeValue(forKey: inboxID) ?? [] { waiter.resume(returning: true) }
    }
}
