import TaskBoard

/// The reports joined to an item, as its page lists them, their photos, and whether the viewer may split them.
struct JoinedReports: Sendable {
    var reports: [JoinedReport]
    /// By joined report id.
    var photos: [Int64: [Photo]]
    var canSplit: Bool
}

/// One joined report on an item's page: who said what, when, and the photos that came with it or right after.
struct JoinedView: Sendable {
    var id: Int64
    var text: String
    var reporter: String
    var created: String
    var photoCount: Int?
    var explicit: Bool
    var photos: [ItemPageController.PhotoView]
    var hasPhotos: Bool

    init(_ report: JoinedReport, photos: [Photo], members: [Int64: Member], format: BoardFormat) {
        id = report.id ?? 0
        text = report.text
        reporter = members[report.reporterID]?.name ?? ""
        created = format.dateTime(report.createdAt) ?? ""
        photoCount = report.images.isEmpty ? nil : report.images.count
        explicit = report.explicit
        self.photos = photos.map(ItemPageController.PhotoView.init)
        hasPhotos = !photos.isEmpty
    }
}
