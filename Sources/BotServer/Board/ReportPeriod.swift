import Foundation

/// The days a report covers, as the URL writes them (`from` and `to`, both inclusive, yyyy-MM-dd):
/// when none are given, `otherwise`, by default last week, so the menu's link opens Monday's 研判.
struct ReportPeriod: Sendable, Equatable {
    var start: Date
    /// The first instant after the last day.
    var end: Date

    /// The longest period one page counts: a year and a day, so a whole leap year fits.
    static let maxDays = 367

    enum Problem: Error, Equatable {
        case unreadable
        case backwards
        case tooLong
    }

    init(start: Date, end: Date) {
        self.start = start
        self.end = end
    }

    init(
        _ fields: FormFields, now: Date, config: AppConfig, format: BoardFormat, otherwise: DateInterval? = nil
    ) throws(Problem) {
        let from = fields["from"].flatMap { $0.isEmpty ? nil : $0 }
        let to = fields["to"].flatMap { $0.isEmpty ? nil : $0 }
        guard from != nil || to != nil else {
            let period = otherwise ?? config.weekBefore(now)
            self.init(start: period.start, end: period.end)
            return
        }
        guard let first = format.parseDay(from ?? to), let last = format.parseDay(to ?? from),
            let end = config.calendar.date(byAdding: .day, value: 1, to: last)
        else { throw .unreadable }
        guard first < end else { throw .backwards }
        guard end.timeIntervalSince(first) <= Double(Self.maxDays) * 86_400 else { throw .tooLong }
        self.init(start: first, end: end)
    }

    /// The same length of time just before or after, for the page's previous and next links.
    func shifted(by sign: Int, in calendar: Calendar) -> ReportPeriod {
        let days = calendar.dateComponents([.day], from: start, to: end).day ?? 7
        let move = { (date: Date) in calendar.date(byAdding: .day, value: sign * days, to: date) ?? date }
        return ReportPeriod(start: move(start), end: move(end))
    }

    /// The query that opens this period again (`from`/`to` inclusive).
    func query(_ format: BoardFormat, calendar: Calendar) -> String {
        let last = calendar.date(byAdding: .day, value: -1, to: end) ?? end
        return "from=\(format.day(start) ?? "")&to=\(format.day(last) ?? "")"
    }
}
