/// Lenient field readers shared by the OneBot decoders.
///
/// The specs fix v11 ids as int64 numbers and v12 ids as strings, but bridges cross over (v11 guild ids
/// as strings, v12 QQ bridges with numeric ids); reading through `JSONValue` accepts both spellings
/// while keeping an int64 exact.
extension KeyedDecodingContainer {
    /// An int64 written as a number or as a decimal string; a wrong type is a decoding error naming the key.
    func oneBotInt64(forKey key: Key) throws -> Int64 {
        let value = try decode(JSONValue.self, forKey: key)
        guard let int = value.int64 else {
            throw DecodingError.typeMismatch(
                Int64.self,
                .init(codingPath: codingPath + [key], debugDescription: "expected an integer id, got \(value)"))
        }
        return int
    }

    /// Like `oneBotInt64(forKey:)`, but nil when the key is absent or null.
    func oneBotInt64IfPresent(forKey key: Key) throws -> Int64? {
        guard let value = try decodeIfPresent(JSONValue.self, forKey: key), value != .null else { return nil }
        return try oneBotInt64(forKey: key)
    }

    /// A string id, also accepted when written as an integer.
    func oneBotString(forKey key: Key) throws -> String {
        let value = try decode(JSONValue.self, forKey: key)
        switch value {
        case .string(let string): return string
        case .integer(let int): return String(int)
        default:
            throw DecodingError.typeMismatch(
                String.self,
                .init(codingPath: codingPath + [key], debugDescription: "expected a string id, got \(value)"))
        }
    }

    /// Like `oneBotString(forKey:)`, but nil when the key is absent or null.
    func oneBotStringIfPresent(forKey key: Key) throws -> String? {
        guard let value = try decodeIfPresent(JSONValue.self, forKey: key), value != .null else { return nil }
        return try oneBotString(forKey: key)
    }
}
