/// A configured person: a sender id on one channel. A role follows the id only on the channel named
/// with it, so an unsigned message on another channel that claims the same id gets no role.
///
/// Written `{channel: ob11, id: "123"}`, or as a bare `"123"`, which means the generic webhook.
struct PersonRef: Sendable, Hashable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    var channel: String
    var id: String

    init(channel: String = "generic", id: String) {
        self.channel = channel
        self.id = id
    }

    init(stringLiteral value: String) {
        self.init(id: value)
    }

    enum CodingKeys: String, CodingKey { case channel, id }

    init(from decoder: any Decoder) throws {
        if let bare = try? decoder.singleValueContainer().decode(String.self) {
            self.init(id: bare)
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(channel: try c.decode(String.self, forKey: .channel), id: try c.decode(String.self, forKey: .id))
    }

    /// Written back as it is usually written: bare on the generic webhook.
    func encode(to encoder: any Encoder) throws {
        if channel == "generic" {
            var c = encoder.singleValueContainer()
            try c.encode(id)
        } else {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(channel, forKey: .channel)
            try c.encode(id, forKey: .id)
        }
    }

    /// Whether a message from `senderID` on `channel` comes from this person. The simulator plays the
    /// generic webhook's people under its own prefixed ids, which no real channel may use.
    func matches(channel: String, senderID: String) -> Bool {
        if channel == SimChannel.id { return self.channel == "generic" && SimChannel.memberID(id) == senderID }
        return self.channel == channel && id == senderID
    }

    var description: String { channel == "generic" ? id : "\(channel):\(id)" }
}
