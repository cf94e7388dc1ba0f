import GRDB

extension BoardTransaction {
    /// One photo of an item, with its download state.
    public func photo(id: Int64) throws -> Photo? {
        try Photo.fetchOne(db, key: id)
    }
}
