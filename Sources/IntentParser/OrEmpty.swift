/// A value of the YAML files (lexicon, gazetteer) that may be left out: missing or null decodes as
/// the type's empty value. Declared on the property, it lets the synthesised decoder serve every
/// section instead of a hand-written `init(from:)` per type.
@propertyWrapper
public struct OrEmpty<Value: EmptyDecodable> {
    public var wrappedValue: Value

    public init(wrappedValue: Value) {
        self.wrappedValue = wrappedValue
    }

    public init() {
        wrappedValue = Value()
    }
}

/// A type with an empty value to stand in for a missing one.
public protocol EmptyDecodable: Decodable {
    init()
}

extension OrEmpty: Sendable where Value: Sendable {}
extension OrEmpty: Equatable where Value: Equatable {}

extension OrEmpty: Decodable {
    public init(from decoder: any Decoder) throws {
        wrappedValue = try Value(from: decoder)
    }
}

extension OrEmpty: Encodable where Value: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try wrappedValue.encode(to: encoder)
    }
}

extension KeyedDecodingContainer {
    /// Chosen by the synthesised decoders for `@OrEmpty` properties: a missing key is not an error.
    public func decode<Value>(_ type: OrEmpty<Value>.Type, forKey key: Key) throws -> OrEmpty<Value> {
        try decodeIfPresent(type, forKey: key) ?? OrEmpty()
    }
}

extension Array: EmptyDecodable where Element: Decodable {}
extension Dictionary: EmptyDecodable where Key: Decodable, Value: Decodable {}
extension String: EmptyDecodable {}
extension Lexicon.Normalization: EmptyDecodable {}
extension Lexicon.ItemRefs: EmptyDecodable {}
extension Lexicon.Commands: EmptyDecodable {}
extension Lexicon.Queries: EmptyDecodable {}
extension Lexicon.Wish: EmptyDecodable {}
extension Lexicon.Suggestion: EmptyDecodable {}
extension Lexicon.Chitchat: EmptyDecodable {}
extension Lexicon.Report: EmptyDecodable {}
extension Lexicon.Categories: EmptyDecodable {}
extension Lexicon.PlaceVocabulary: EmptyDecodable {}
