/// A horizontal bar chart drawn as inline SVG on the server: geometry is computed here, the
/// template only places rectangles and text, so the board needs no script to show it.
struct BarChartView: Sendable {
    struct Bar: Sendable {
        var label: String
        var count: Int
        var y: Int
        var textY: Int
        var width: Int
        var valueX: Int
        /// A list-page link filtered to this bar, when there is one.
        var href: String?
    }

    var title: String
    var bars: [Bar]
    var height: Int
    var isEmpty: Bool
    /// What an empty chart says; nil keeps the overview's "this week" wording.
    var empty: String?

    static let labelWidth = 96
    static let barArea = 210
    static let rowHeight = 26

    init(title: String, rows: [(label: String, count: Int, href: String?)], empty: String? = nil) {
        self.title = title
        self.empty = empty
        let maximum = max(rows.map(\.count).max() ?? 0, 1)
        bars = rows.enumerated().map { index, row in
            let width = max(row.count > 0 ? 2 : 0, row.count * Self.barArea / maximum)
            let y = 4 + index * Self.rowHeight
            return Bar(
                label: row.label, count: row.count, y: y, textY: y + 15, width: width,
                valueX: Self.labelWidth + width + 6, href: row.href)
        }
        height = 8 + rows.count * Self.rowHeight
        isEmpty = rows.isEmpty
    }
}
