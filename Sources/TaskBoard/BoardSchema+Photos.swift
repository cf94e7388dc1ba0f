import GRDB

extension BoardSchema {
    /// Background photo downloads: each photo's download state, so a failed fetch is retried and shown.
    static func createPhotoDownloads(_ db: Database) throws {
    }
}
