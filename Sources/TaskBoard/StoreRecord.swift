import GRDB

/// What every table's record shares: an autoincremented id that GRDB assigns, and dates stored as
/// unix seconds (Double) so they round-trip exactly and compare numerically in SQL.
public protocol StoreRecord: FetchableRecord, MutablePersistableRecord {
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
