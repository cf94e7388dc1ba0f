import Foundation
import GRDB

/// A reply queued for sending, durable so it is sent or visibly failed, after restarts too.
public struct OutboxMessage: Codable, Sendable, Equatable, StoreRecord {
    /// Row id, nil until inserted.
    public var id: Int64?
    /// The platform adapter that sends it.
    public var channel: String
    /// The group or user it answers.
    public var target: String
    /// The rendered reply as JSON, owned by the server.
    public var payload: String
    public var status: OutboxStatus = .pending
    /// Sending attempts made so far, failed or not.
    public var attempts: Int = 0
    /// When the sender may try next.
    public var nextAttemptAt: Date
    public var lastError: String?
    public var createdAt: Date
    public var sentAt: Date?
    /// The inbound message it answers, if any.
    public var inboxID: Int64?

    /// The table, named explicitly so a type rename never renames the schema.
    public static let databaseTableName = "outbox"

    public enum CodingKeys: ColumnKey {
        case id, channel, target, payload, status, attempts, nextAttemptAt, lastError, createdAt, sentAt, inboxID
    }
}
