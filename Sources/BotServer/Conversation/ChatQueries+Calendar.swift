import Foundation
import IntentParser
import TaskBoard

extension ChatQueries {
    /// "周报": last week's 研判 report, to the secretary or grid worker who asks (the same report the
    /// calendar sends on Monday morning); others are refused by role.
    func weekReport() throws -> ReplyDraft {
        guard member.role == .secretary || member.role == .gridWorker else {
            throw BoardError.notAllowed(action: BoardAction.weekReport.rawValue, role: member.role)
        }
        let week = replies.config.weekBefore(tx.now)
        let report = try tx.weekReport(from: week.start, to: week.end)
        return try replies.weekReport(
            report, gridName: router.gridName, secretaries: [member.platformID])
    }

    /// "我的年度任务": 活动 0/1，任务 1/1 this year, and what is still missing.
    func yearlyDuty() throws -> ReplyDraft {
        let now = tx.now
        let duty = try tx.yearlyDuty(memberID: memberID, yearStart: replies.config.startOfYear(containing: now))
        let view = YearlyDutyView(
            member.name, duty, year: replies.config.calendar.component(.year, from: now),
            hasDuty: member.role == .member)
        return try replies.toSender(member, .yearlyDuty, view)
    }
}

/// One member's 两个至少1次 in a reply: the counts, the requirement and what is missing.
struct YearlyDutyView: Sendable {
    var name: String
    var year: Int
    var activities: Int
    var activitiesRequired = YearlyDuty.activitiesRequired
    var tasks: Int
    var tasksRequired = YearlyDuty.tasksRequired
    var met: Bool
    var needsActivity: Bool
    var needsTask: Bool
    /// Only party members carry the duty; a rider or resident who asks is told what it is.
    var hasDuty: Bool

    init(_ name: String, _ duty: YearlyDuty, year: Int, hasDuty: Bool) {
        self.name = name
        self.year = year
        activities = duty.activities
        tasks = duty.tasks
        met = duty.isMet
        needsActivity = duty.activities < YearlyDuty.activitiesRequired
        needsTask = duty.tasks < YearlyDuty.tasksRequired
        self.hasDuty = hasDuty
    }
}
