import Foundation
import TaskBoard

/// The yearly duty's reminder: one message per group, a line per member who still owes it.
extension Replies {
    func dutyReminder(_ shortfalls: [(Member, YearlyDuty)], year: Int) throws -> ReplyDraft {
        let view = DutyReminderView(
            year: year,
            people: shortfalls.map { member, duty in YearlyDutyView(member.name, duty, year: year, hasDuty: true) })
        return ReplyDraft(text: try render(.dutyReminder, view), mentions: shortfalls.map(\.0.platformID))
    }
}

struct DutyReminderView: Sendable {
    var year: Int
    var people: [YearlyDutyView]
}
