import Foundation

/// When a job runs, as a community writes it in `schedule:`: `"09:00"` every day, `"MON 09:00"` every
/// week, `"10-01 12-01 09:00"` on those days of every year, `"every 10m"` / `"every 2h"` all day,
/// `"off"` never. Times are in the community's zone.
enum JobTime: Sendable, Equatable, CustomStringConvertible {
    case daily(hour: Int, minute: Int)
    /// `weekday` as Calendar counts it: 1 is Sunday, 2 Monday.
    case weekly(weekday: Int, hour: Int, minute: Int)
    /// Days of the year (month, day), each at the same time.
    case yearly(days: [MonthDay], hour: Int, minute: Int)
    case every(seconds: Int)
    case off

    private static let weekdays = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]

    init?(_ text: String) {
        let words = text.trimmingCharacters(in: .whitespaces).split(separator: " ").map(String.init)
        if words.count >= 2, let (hour, minute) = Self.clock(words[words.count - 1]) {
            let days = words.dropLast().compactMap(MonthDay.init)
            if days.count == words.count - 1 && !days.isEmpty {
                self = .yearly(days: days.sorted(), hour: hour, minute: minute)
                return
            }
        }
        switch words.count {
        case 1 where words[0].lowercased() == "off":
            self = .off
        case 1:
            guard let (hour, minute) = Self.clock(words[0]) else { return nil }
            self = .daily(hour: hour, minute: minute)
        case 2 where words[0].lowercased() == "every":
            guard let seconds = Self.interval(words[1]) else { return nil }
            self = .every(seconds: seconds)
        case 2:
            guard let day = Self.weekdays.firstIndex(of: words[0].uppercased()),
                let (hour, minute) = Self.clock(words[1])
            else { return nil }
            self = .weekly(weekday: day + 1, hour: hour, minute: minute)
        default:
            return nil
        }
    }

    /// The latest slot at or before `now`; nil for `off`.
    func latestSlot(atOrBefore now: Date, in calendar: Calendar) -> Date? {
        switch self {
        case .off:
            return nil
        case .every(let seconds):
            let step = Double(seconds)
            return Date(timeIntervalSince1970: (now.timeIntervalSince1970 / step).rounded(.down) * step)
        case .daily(let hour, let minute):
            guard let today = calendar.date(bySettingHour: hour, minute: minute, second: 0, of: now) else { return nil }
            return today <= now ? today : calendar.date(byAdding: .day, value: -1, to: today)
        case .weekly(let weekday, let hour, let minute):
            let components = DateComponents(hour: hour, minute: minute, second: 0, weekday: weekday)
            return calendar.nextDate(
                after: now.addingTimeInterval(1), matching: components, matchingPolicy: .nextTime,
                direction: .backward
            )
            .flatMap { $0 <= now ? $0 : calendar.date(byAdding: .day, value: -7, to: $0) }
        case .yearly(let days, let hour, let minute):
            let year = calendar.component(.year, from: now)
            return Self.dates(days, years: Array((year - 8)...year), hour: hour, minute: minute, in: calendar)
                .last { $0 <= now }
        }
    }

    /// The first slot after `now`; nil for `off`.
    func nextSlot(after now: Date, in calendar: Calendar) -> Date? {
        switch self {
        case .off:
            return nil
        case .every(let seconds):
            return latestSlot(atOrBefore: now, in: calendar).map { $0.addingTimeInterval(Double(seconds)) }
        case .daily(let hour, let minute):
            return calendar.nextDate(
                after: now, matching: DateComponents(hour: hour, minute: minute, second: 0), matchingPolicy: .nextTime)
        case .weekly(let weekday, let hour, let minute):
            return calendar.nextDate(
                after: now, matching: DateComponents(hour: hour, minute: minute, second: 0, weekday: weekday),
                matchingPolicy: .nextTime)
        case .yearly(let days, let hour, let minute):
            let year = calendar.component(.year, from: now)
            return Self.dates(days, years: Array(year...(year + 8)), hour: hour, minute: minute, in: calendar)
                .first { $0 > now }
        }
    }

    /// Each day of `days` in each of `years`, in order; a day a year lacks (02-29) is skipped, which is
    /// why callers look eight years around: a leap day comes at least once in that span.
    private static func dates(_ days: [MonthDay], years: [Int], hour: Int, minute: Int, in calendar: Calendar) -> [Date]
    {
        years.flatMap { year in
            days.compactMap { day in
                let components = DateComponents(year: year, month: day.month, day: day.day, hour: hour, minute: minute)
                return calendar.date(from: components).flatMap {
                    calendar.component(.day, from: $0) == day.day ? $0 : nil
                }
            }
        }
    }

    var description: String {
        switch self {
        case .off: "off"
        case .every(let seconds) where seconds % 3600 == 0: "every \(seconds / 3600)h"
        case .every(let seconds): "every \(seconds / 60)m"
        case .daily(let hour, let minute): String(format: "%02d:%02d", hour, minute)
        case .weekly(let weekday, let hour, let minute):
            "\(Self.weekdays[weekday - 1]) " + String(format: "%02d:%02d", hour, minute)
        case .yearly(let days, let hour, let minute):
            days.map(\.description).joined(separator: " ") + " " + String(format: "%02d:%02d", hour, minute)
        }
    }

    private static func clock(_ text: String) -> (Int, Int)? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]), (0..<24).contains(hour),
            (0..<60).contains(minute)
        else { return nil }
        return (hour, minute)
    }

    private static func interval(_ text: String) -> Int? {
        guard let unit = text.last, let amount = Int(text.dropLast()), amount > 0 else { return nil }
        switch unit {
        case "m": return amount * 60
        case "h": return amount * 3600
        default: return nil
        }
    }
}

/// A day of the year as a calendar job names it: `"10-01"`.
struct MonthDay: Sendable, Equatable, Comparable, CustomStringConvertible {
    var month: Int
    var day: Int

    init?(_ text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let month = Int(parts[0]), let day = Int(parts[1]), (1...12).contains(month),
            (1...31).contains(day)
        else { return nil }
        self.month = month
        self.day = day
    }

    static func < (a: MonthDay, b: MonthDay) -> Bool { (a.month, a.day) < (b.month, b.day) }

    var description: String { String(format: "%02d-%02d", month, day) }
}
