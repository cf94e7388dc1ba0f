import Foundation

// The queues' one-call transactions over SQLite: each wraps the same `BoardQueue` operation that a
// board transaction reaches as `tx.queue`.
extension BoardStore: InboxQueue {
    public func storeInbox(
        channel: String, platformMessageID: String, groupID: String, senderID: String, payload: String
    ) async throws -> (id: Int64, duplicate: Bool) {
        let arrival = InboxArrival(
            channel: channel, platformMessageID: platformMessageID, groupID: groupID, senderID: senderID,
            payload: payload)
        let stored = try await write { tx in try tx.queue.storeInbox(arrival) }
        return (stored.id, stored.duplicate)
    }

    public func storeInbox(_ arrivals: [InboxArrival]) async throws -> [StoredArrival] {
        try await write { tx in
            let queue = tx.queue
            return try arrivals.map { try queue.storeInbox($0) }
        }
    }

    public func claimInbox(limit: Int) async throws -> Claim<InboxMessage> {
        try await write { tx in try tx.queue.claimInbox(limit: limit) }
    }

    public func markInbox(id: Int64, state: InboxState, error: String?) async throws {
        try await write { tx in try tx.queue.markInbox(id: id, state: state, error: error) }
    }
}

extension BoardStore: OutboxQueue {
    public func claimOutbox(limit: Int) async throws -> Claim<OutboxMessage> {
        try await write { tx in try tx.queue.claimOutbox(limit: limit) }
    }

    public func markSent(outboxID: Int64) async throws {
        try await write { tx in try tx.queue.markSent(outboxID: outboxID) }
    }

    public func markAttemptFailed(outboxID: Int64, error: String, retryAfter: Double?) async throws {
        try await write { tx in
            let queue = tx.queue
            try queue.markAttemptFailed(outboxID: outboxID, error: error, retryAt: queue.later(retryAfter))
        }
    }

    public func secondsUntilNextOutbox() async throws -> Double? {
        try await read { tx in try tx.queue.nextOutboxDue().map { $0.timeIntervalSince(tx.now) } }
    }

    public func claimPassiveReplies(inboxID: Int64) async throws -> [OutboxMessage] {
        try await write { tx in try tx.queue.claimPassiveReplies(inboxID: inboxID) }
    }
}

extension BoardStore: PhotoQueue {
    public func photo(id: Int64) async throws -> Photo? {
        try await read { tx in try tx.photo(id: id) }
    }

    public func claimPhotos(limit: Int) async throws -> Claim<Photo> {
        try await write { tx in try tx.queue.claimPhotos(limit: limit) }
    }

    public func markPhotoStored(
        id: Int64, localPath: String, sha256: String, contentType: String, byteSize: Int, thumbPath: String?
    ) async throws {
        try await write { tx in
            try tx.queue.markPhotoStored(
                id: id, localPath: localPath, sha256: sha256, contentType: contentType, byteSize: byteSize,
                thumbPath: thumbPath)
        }
    }

    public func markPhotoAttemptFailed(id: Int64, error: String, retryAfter: Double?) async throws {
        try await write { tx in
            let queue = tx.queue
            try queue.markPhotoAttemptFailed(id: id, error: error, retryAt: queue.later(retryAfter))
        }
    }

    public func secondsUntilNextPhoto() async throws -> Double? {
        try await read { tx in try tx.queue.nextPhotoDue().map { $0.timeIntervalSince(tx.now) } }
    }
}
