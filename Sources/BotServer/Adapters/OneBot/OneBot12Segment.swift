/// One OneBot 12 message segment, in either direction.
///
/// Unlike v11, v12 data values are typed (`latitude` is float64), so `data` holds JSON values; unknown
/// and extension types (`wx.emoji`) are kept, not refused.
struct OneBot12Segment: Sendable, Equatable, Codable {
    /// `text`, `mention`, `image`, `location`, `reply`, … or an extension such as `wx.emoji`.
    var type: String
    /// The parameters with their JSON types.
    var data: [String: JSONValue] = [:]

    /// Plain text.
    static func text(_ text: String) -> OneBot12Segment {
        OneBot12Segment(type: "text", data: ["text": .string(text)])
    }

    /// An @-mention of one user.
    static func mention(_ userID: String) -> OneBot12Segment {
        OneBot12Segment(type: "mention", data: ["user_id": .string(userID)])
    }

    /// A data value as a string id (accepting an integer); nil when absent or empty.
    func string(_ key: String) -> String? {
        switch data[key] {
        case .string(let value) where !value.isEmpty: value
        case .integer(let value): String(value)
        default: nil
        }
    }

    /// The segment as a JSON value, for action params.
    var json: JSONValue {
        .object(["type": .string(type), "data": .object(data)])
    }
}

// Apart from the type, so the memberwise initializer stays.
extension OneBot12Segment {
    // Encoding is synthesized: `type` and `data`, as read.
    enum CodingKeys: String, CodingKey { case type, data }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        type = try container.decode(String.self, forKey: .type)
        data = try container.decodeIfPresent([String: JSONValue].self, forKey: .data) ?? [:]
    }
}
