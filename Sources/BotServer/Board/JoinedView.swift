import TaskBoard

/// The reports joined to an item, as its page lists them, and whether the viewer may split them.
struct JoinedReports: Sendable {
    var reports: [JoinedReport]
    var canSplit: Bool
}

/// One joined report on an item's page: who said what, when, and how many photos came with it.
struct JoinedView: Sendable {
    var id: Int64
    var text: String
    var reporter: String
    var created: String
    var photoCount: Int?
    var explicit: Bool

    init(_ report: JoinedReport, members: [Int64: Member], format: BoardFormat) {
        id = report.id ?? 0
        text = report.text
        reporter = members[report.reporterID]?.name ?? ""
        created = format.dateTime(report.createdAt) ?? ""
        photoCount = report.images.isEmpty ? nil : report.images.count
        explicit = report.explicit
    }
}
