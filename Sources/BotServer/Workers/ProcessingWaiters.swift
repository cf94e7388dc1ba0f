/// Lets a webhook wait, within a budget, until the inbox worker has handled the message it stored,
/// so WeChat and WeCom 1:1 chats can get the reply in the HTTP answer itself.
actor ProcessingWaiters {
    private var waiting: [Int64: [CheckedContinuation<Bool, Never>]] = [:]
    private var finishedRecently: [Int64] = []

    /// True when the message was handled before the timeout.
    func wait(for inboxID: Int64, timeout: Duration) async -> Bool {
        if finishedRecently.contains(inboxID) { return true }
        let timer = Task { [weak self] in
            try? await Task.sleep(for: timeout)
            await self?.expire(inboxID)
        }
        defer { timer.cancel() }
        return await withCheckedContinuation { continuation in
            waiting[inboxID, default: []].append(continuation)
        }
    }

    /// Called by the inbox worker after every row, handled or not.
    func finished(_ inboxID: Int64) {
        finishedRecently.append(inboxID)
        if finishedRecently.count > 256 { finishedRecently.removeFirst(finishedRecently.count - 256) }
        for continuation in waiting.removeValue(forKey: inboxID) ?? [] { continuation.resume(returning: true) }
    }

    private func expire(_ inboxID: Int64) {
        for continuation in waiting.removeValue(forKey: inboxID) ?? [] { continuation.resume(returning: false) }
    }
}
