import GRDB

/// What every table's record shares: an autoincremented id that GRDB assigns, and dates stored as
/// unix seconds (Double) so they round-trip exactly and compare numerically in SQL.
public protocol StoreRecord: SnakeCaseColumns, MutablePersistableRecord {
    var id: Int64? { get set }
}

extension StoreRecord {
    public static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        .timeIntervalSince1970
    }

    public static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy {
        .timeIntervalSince1970
    }

    /// Keeps the id GRDB assigned.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// A table whose columns are its properties' names in snake_case (`SnakeCase`), so no record lists its
/// columns by hand.
public protocol SnakeCaseColumns: FetchableRecord, EncodableRecord {}

extension SnakeCaseColumns {
    public static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy {
        .custom { column in PropertyKey(stringValue: SnakeCase.camel(column)) }
    }

    public static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy {
        .custom { key in SnakeCase.snake(key.stringValue) }
    }
}

/// A record's coding keys as the columns of queries (`Item.CodingKeys.dueAt` is `due_at`).
public protocol ColumnKey: CodingKey, ColumnExpression {}

extension ColumnKey {
    public var name: String { SnakeCase.snake(stringValue) }
}

/// A property's name, as the column strategies hand it to GRDB.
struct PropertyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }

    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
