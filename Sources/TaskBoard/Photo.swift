import Foundation
import GRDB

/// A photo attached to an item (the report's, or the proof of completion). The server downloads it
/// in the background, because platform URLs expire within days, and keeps the original URL.
public struct Photo: Codable, Sendable, Equatable, StoreRecord {
    /// Row id, nil until inserted.
    public var id: Int64?
    public var itemID: Int64
    /// Where the platform serves it.
    public var url: String
    /// Where the server stored its copy, once downloaded: relative to the storage folder, or absolute.
    public var localPath: String?
    /// Hex SHA-256 of the stored bytes, which also names the file.
    public var sha256: String?
    public var addedAt: Date
    /// Who added it; nil for the system.
    public var addedBy: Int64?
    public var status: PhotoStatus
    /// Download attempts made so far, failed or not.
    public var attempts: Int
    /// When the downloader may try next (while pending).
    public var nextAttemptAt: Date
    /// Why the last attempt failed, for the log and the item page.
    public var lastError: String?
    /// The stored image's type, read from its bytes.
    public var contentType: String?
    public var byteSize: Int?
    /// The stored thumbnail (same base as `localPath`); nil when none could be made.
    public var thumbPath: String?
    /// The joined report it came with, when it belongs to one: shown with that report, not the item's own.
    public var joinedReportID: Int64?

    /// Memberwise; a new photo is pending and due when added.
    public init(
        id: Int64? = nil, itemID: Int64, url: String, localPath: String? = nil, sha256: String? = nil,
        addedAt: Date, addedBy: Int64? = nil, status: PhotoStatus = .pending, attempts: Int = 0,
        nextAttemptAt: Date? = nil, lastError: String? = nil, contentType: String? = nil, byteSize: Int? = nil,
        thumbPath: String? = nil, joinedReportID: Int64? = nil
    ) {
        self.id = id
        self.itemID = itemID
        self.url = url
        self.localPath = localPath
        self.sha256 = sha256
        self.addedAt = addedAt
        self.addedBy = addedBy
        self.status = status
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt ?? addedAt
        self.lastError = lastError
        self.contentType = contentType
        self.byteSize = byteSize
        self.thumbPath = thumbPath
        self.joinedReportID = joinedReportID
    }

    /// The table, named explicitly so a type rename never renames the schema.
    public static let databaseTableName = "photos"

    public enum CodingKeys: ColumnKey {
        case id, itemID, url, localPath, sha256, addedAt, addedBy, status, attempts, nextAttemptAt, lastError,
            contentType, byteSize, thumbPath, joinedReportID
    }
}
