import Foundation
import GRDB

// Photos of reports joined to an item (issue 13, behaviour 4): a photo sent right after a report
// that was joined belongs to that report, on the item it was joined to.
extension BoardTransaction {
    /// The report `memberID` made by platform message `messageID` that was joined to item `itemID`
    /// and not split off since; nil when that message was not joined there.
    public func joinedReport(of itemID: Int64, by memberID: Int64, messageID: String) throws -> JoinedReport? {
        try JoinedReport.filter(
            JoinedReport.CodingKeys.itemID == itemID && JoinedReport.CodingKeys.reporterID == memberID
                && JoinedReport.CodingKeys.sourceMessageID == messageID && JoinedReport.CodingKeys.splitItemID == nil
        )
        .order(JoinedReport.CodingKeys.id.desc).fetchOne(db)
    }

    /// Adds photos to a joined report: kept on its item, marked as the report's, and listed with it
    /// (and taken along if it is split off); the item's timeline counts them.
    public func addPhotos(toJoined report: JoinedReport, urls: [String], by memberID: Int64) throws -> [Photo] {
        try atomically {
            guard let joinedID = report.id, report.splitItemID == nil else {
                throw BoardPageError.noSuchJoinedReport(report.id ?? 0)
            }
            guard !urls.isEmpty else { return [] }
            let photos = try insertPhotos(report.itemID, urls: urls, by: memberID, joined: joinedID)
            var updated = report
            updated.imageURLs = String(decoding: try JSONEncoder().encode(report.images + urls), as: UTF8.self)
            try updated.update(db)
            try appendEvent(report.itemID, actor: memberID, .photoAdded, note: String(urls.count))
            return photos
        }
    }

    /// The photos of the reports joined to an item, by report, oldest first.
    public func joinedPhotos(of itemID: Int64) throws -> [Int64: [Photo]] {
        let photos = try Photo.filter(Photo.CodingKeys.itemID == itemID && Photo.CodingKeys.joinedReportID != nil)
            .order(Photo.CodingKeys.id).fetchAll(db)
        return Dictionary(grouping: photos) { $0.joinedReportID ?? 0 }
    }

    /// The item's own first photo (the report's), not one of a joined report: what an announcement shows.
    public func firstPhoto(of itemID: Int64) throws -> Photo? {
        try Photo.filter(Photo.CodingKeys.itemID == itemID && Photo.CodingKeys.joinedReportID == nil)
            .order(Photo.CodingKeys.id).fetchOne(db)
    }
}
