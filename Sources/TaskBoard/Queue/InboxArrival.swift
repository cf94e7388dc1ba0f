/// One inbound message as a webhook hands it to the inbox, before it has a row.
public struct InboxArrival: Sendable, Equatable {
    public var channel: String
    /// The platform's id of the message; with the channel, the key that makes a retry a duplicate.
    public var platformMessageID: String
    public var groupID: String
    public var senderID: String
    /// The normalised message as JSON, handled later by the inbox worker.
    public var payload: String

    public init(channel: String, platformMessageID: String, groupID: String, senderID: String, payload: String) {
        self.channel = channel
        self.platformMessageID = platformMessageID
        self.groupID = groupID
        self.senderID = senderID
        self.payload = payload
    }
}

/// Where an arrival landed: its inbox row, and whether that row was there already (a retry).
public struct StoredArrival: Sendable, Equatable {
    public var id: Int64
    public var duplicate: Bool

    public init(id: Int64, duplicate: Bool) {
        self.id = id
        self.duplicate = duplicate
    }
}
