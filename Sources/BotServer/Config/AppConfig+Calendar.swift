import Foundation

extension AppConfig {
    /// The community's calendar: weeks start on Monday in the configured zone.
    var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timezone) ?? .current
        calendar.firstWeekday = 2
        return calendar
    }

    func startOfWeek(containing date: Date) -> Date {
        calendar.dateInterval(of: .weekOfYear, for: date)?.start ?? date
    }

    /// The whole week before the one `date` falls in, Monday to Monday: what a weekly report covers.
    func weekBefore(_ date: Date) -> DateInterval {
        let end = startOfWeek(containing: date)
        return DateInterval(start: calendar.date(byAdding: .day, value: -7, to: end) ?? end, end: end)
    }

    func startOfYear(containing date: Date) -> Date {
        calendar.dateInterval(of: .year, for: date)?.start ?? date
    }

    func startOfMonth(containing date: Date) -> Date {
        calendar.dateInterval(of: .month, for: date)?.start ?? date
    }

    func format(_ date: Date, pattern: String) -> String {
        formatter(pattern, locale: "zh_CN").string(from: date)
    }

    /// A date written in the community's zone, the inverse of `format(_:pattern:)`.
    func parse(_ text: String, pattern: String) -> Date? {
        formatter(pattern, locale: "en_US_POSIX").date(from: text)
    }

    private func formatter(_ pattern: String, locale: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.calendar = calendar
        formatter.timeZone = calendar.timeZone
        formatter.locale = Locale(identifier: locale)
        formatter.dateFormat = pattern
        return formatter
    }
}
