// A caller's own unit inside a larger transaction.
extension BoardTransaction {
    /// Runs `body` in a savepoint: when it throws, what it wrote is undone and the error passes on,
    /// while the surrounding transaction goes on. The inbox worker handles a batch of messages in one
    /// transaction this way, so one message that fails leaves no trace beside the others.
    public func isolated<T>(_ body: () throws -> T) throws -> T {
        try atomically(body)
    }
}
