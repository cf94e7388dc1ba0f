import GRDB

extension BoardSchema {
    /// What the secretary's board needs: indexes for its list filters, registrations to approve,
    /// activities for the yearly duty.
    static func createBoardPages(_ db: Database) throws {
    }
}
