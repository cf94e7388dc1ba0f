/// A v11 `message` field in whichever of its three spellings the implementation chose.
///
/// The spec's default `event.message_format` is `string` (CQ codes); `array` gives segment objects; and a
/// single segment object is also a valid message. All three decode to the same segments.
struct OneBot11Message: Sendable, Equatable, Decodable {
    /// The message in order, whatever the wire spelling was.
    var segments: [OneBot11Segment]

    /// A message built in code.
    init(segments: [OneBot11Segment]) {
        self.segments = segments
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let string = try? container.decode(String.self) {
            segments = OneBot11CQCode.parse(string)
        } else if let array = try? container.decode([OneBot11Segment].self) {
            segments = array
        } else {
            segments = [try container.decode(OneBot11Segment.self)]
        }
    }
}
