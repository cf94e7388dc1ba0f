import Foundation
import GRDB

/// An inbound platform message, stored once before the webhook is answered so nothing acknowledged
/// is lost; `(channel, platformMessageID)` is unique so a platform's retry is processed once.
public struct InboxMessage: Codable, Sendable, Equatable, StoreRecord {
    /// Row id, nil until inserted.
    public var id: Int64?
    /// The channel it came through: `generic`, a `channels:` entry's id (`oa1`, `ob11` …) or the simulator's.
    public var channel: String
    /// The platform's id for the message (MsgId exceeds 2^53, so text).
    public var platformMessageID: String
    public var groupID: String
    public var senderID: String
    /// The decoded message as JSON, owned by the server.
    public var payload: String
    public var receivedAt: Date
    public var state: InboxState = .pending
    /// Why processing failed.
    public var error: String?
    public var processedAt: Date?
    /// Processing attempts begun (CrashGuard).
    public var attempts: Int = 0
    /// When the message was set aside for killing the process (CrashGuard).
    public var quarantinedAt: Date?

    /// The table, named explicitly so a type rename never renames the schema.
    public static let databaseTableName = "inbox"

    public enum CodingKeys: ColumnKey {
        case id, channel, platformMessageID, groupID, senderID, payload, receivedAt, state, error, processedAt,
            attempts, quarantinedAt
    }
}
