import Foundation

/// Dates and durations as the board shows them, in the community's zone; formatters are built
/// once per page because building one costs more than formatting fifty dates.
struct BoardFormat {
    private let dateTime: DateFormatter
    private let day: DateFormatter

    init(config: AppConfig) {
        dateTime = Self.formatter(config, "yyyy-MM-dd HH:mm")
        day = Self.formatter(config, "yyyy-MM-dd")
    }

    func dateTime(_ date: Date?) -> String? { date.map(dateTime.string(from:)) }

    func day(_ date: Date?) -> String? { date.map(day.string(from:)) }

    func parseDay(_ text: String?) -> Date? { text.flatMap(day.date(from:)) }

    /// "12 分钟" / "3.5 小时" / "2.1 天": a secretary reads closing times in hours or days.
    static func duration(_ seconds: Double?, labels: Labels) -> String? {
        guard let seconds else { return nil }
        let hours = seconds / 3600
        if hours < 1 {
            return labels.say(.minutes(String(format: "%.0f", (seconds / 60).rounded(.up))))
        }
        if hours < 48 {
            return labels.say(.hours(String(format: "%.1f", hours)))
        }
        return labels.say(.days(String(format: "%.1f", hours / 24)))
    }

    private static func formatter(_ config: AppConfig, _ pattern: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.calendar = config.calendar
        formatter.timeZone = config.calendar.timeZone
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = pattern
        return formatter
    }
}
