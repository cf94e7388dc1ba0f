import Foundation

/// Any JSON value, with integers kept apart from doubles: the one type for JSON whose shape is not fixed,
/// in adapters and in the tests that read what a platform received.
///
/// OneBot bodies mix strings, int64 ids and float64 coordinates, and implementations disagree on which
/// of those a field carries; reading through this value lets the codec accept either spelling while an
/// id such as `2854196310` never passes through `Double`.
enum JSONValue: Sendable, Hashable, Codable {
    /// JSON `null`, kept so a present-but-null field is distinguishable from a missing one.
    case null
    case bool(Bool)
    /// A number without fraction or exponent, kept exact.
    case integer(Int64)
    /// Any other number.
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// The value when it is a JSON string, and nothing else.
    var string: String? {
        if case .string(let value) = self { value } else { nil }
    }

    /// The value when it is a JSON boolean.
    var bool: Bool? {
        if case .bool(let value) = self { value } else { nil }
    }

    /// The value when it is a JSON number, integer or not; unlike `double`, a string is not read.
    var number: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .double(let value): value
        case .null, .bool, .string, .array, .object: nil
        }
    }

    /// The elements when it is a JSON array.
    var array: [JSONValue]? {
        if case .array(let value) = self { value } else { nil }
    }

    /// A string, or a scalar written as one: OneBot 11 says every segment value is a string, but some
    /// implementations send `qq` or `id` as numbers; wechatpy's parsed fields hold what the XML wrote as text.
    var lenientString: String? {
        switch self {
        case .string(let value): value
        case .integer(let value): String(value)
        case .double(let value): String(value)
        case .bool(let value): value ? "true" : "false"
        case .null, .array, .object: nil
        }
    }

    /// A number, or a string holding one: v12 coordinates are float64, v11 ones are strings.
    var double: Double? {
        switch self {
        case .double(let value): value
        case .integer(let value): Double(value)
        case .string(let value): Double(value.trimmingCharacters(in: .whitespaces))
        case .null, .bool, .array, .object: nil
        }
    }

    /// An exact integer, or a string of decimal digits holding one.
    var int64: Int64? {
        switch self {
        case .integer(let value): value
        case .string(let value): Int64(value.trimmingCharacters(in: .whitespaces))
        case .null, .bool, .double, .array, .object: nil
        }
    }

    /// A member of an object; nil for other values, so lookups chain without casts.
    subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { members[key] } else { nil }
    }
}
