/// One OneBot 11 message segment, `{"type": …, "data": {…}}`, in either direction.
///
/// v11 defines every data value as a string, and the CQ-code form can only carry strings, so `data` is a
/// string map: a segment decoded from an array and one parsed from a CQ code compare equal. Unknown types
/// are kept, not refused, so a new segment kind never turns a message into an error.
struct OneBot11Segment: Sendable, Equatable, Codable {
    /// `text`, `image`, `at`, `location`, `reply`, `face`, … as the implementation named it.
    var type: String
    /// The parameters, all strings in v11.
    var data: [String: String] = [:]

    /// Plain text.
    static func text(_ text: String) -> OneBot11Segment {
        OneBot11Segment(type: "text", data: ["text": text])
    }

    /// An image the implementation fetches from `url`.
    static func image(_ url: String) -> OneBot11Segment {
        OneBot11Segment(type: "image", data: ["file": url])
    }

    /// An @-mention of one account (or `all`).
    static func at(_ qq: String) -> OneBot11Segment {
        OneBot11Segment(type: "at", data: ["qq": qq])
    }
}

// Apart from the type, so the memberwise initializer stays.
extension OneBot11Segment {
    // Encoding is synthesized: `type` and `data`, as read.
    enum CodingKeys: String, CodingKey { case type, data }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        type = try container.decode(String.self, forKey: .type)
        // Numbers where the spec says strings (seen for `qq` and `id`) are read as their decimal text;
        // nulls and nested values carry nothing we use and are dropped.
        let raw = try container.decodeIfPresent([String: JSONValue].self, forKey: .data) ?? [:]
        data = raw.compactMapValues(\.lenientString)
    }
}
