import Foundation
import TaskBoard

/// 吹哨报到: the department is checked against `escalation.departments` before the board is asked,
/// so an unknown name changes nothing.
extension Commands {
    /// Hands the item to the department `target` names (an alias counts), with that department's
    /// deadline; an escalated item goes one level up, to the same department unless another is named.
    func escalate(_ itemID: Int64, to target: String?) throws -> Happened {
        let department = escalation.department(named: target)
        let before = try tx.item(id: itemID)
        let current = escalation.department(of: before?.escalatedTo)
        // The name is checked only where the board would escalate: a missing item, a wrong state or a
        // role without the right get the board's own refusal. Only an item already waiting on a
        // department may climb without naming one ("吹哨 #12", "报上级 #12").
        if department == nil, let before, before.actions(for: actor).contains(.escalate),
            !escalation.asksForNextLevel(target) || before.status != .escalated || current == nil
        {
            throw UnknownDepartment(written: target)
        }
        let hours = (department ?? current)?.deadlineHours
        let item = try tx.escalate(
            itemID: itemID, by: actorID,
            to: Escalation(department: department?.name, deadlineHours: hours, topLevel: escalation.topLevel)
        ).item
        return .escalated(item, request: try tx.currentRequest(itemID: itemID), reporter: try member(item.reporterID))
    }

    /// "#12 城管回复：已安排 周三前清理": the answer goes on the timeline — only as the answer of the
    /// department the item waits on; another department's name is a wrong number, refused.
    func answerDepartment(_ itemID: Int64, from named: String? = nil, answer: String?) throws -> Happened {
        if let named, let waiting = try tx.item(id: itemID)?.escalatedTo,
            let department = escalation.department(named: named), department.name != waiting
        {
            throw UnknownDepartment(written: department.name, waitingOn: waiting)
        }
        let item = try tx.answerDepartment(itemID: itemID, by: actorID, answer: answer).item
        return .departmentAnswered(item, answer: answer, reporter: try member(item.reporterID))
    }

    /// "催办 #12": the department is pressed, in its contact group or through the secretary.
    func chase(_ itemID: Int64) throws -> Happened {
        let item = try tx.chase(itemID: itemID, by: actorID).item
        return .chased(item, request: try tx.currentRequest(itemID: itemID), at: tx.now)
    }
}

/// The name given for 吹哨 is none of `escalation.departments` (or no name was given): the sender is
/// shown the valid names and nothing changes.
struct UnknownDepartment: Error, Equatable {
    var written: String?
    /// For an answer: the department the item really waits on.
    var waitingOn: String? = nil
}
