import Foundation
import TaskBoard

/// The words of 吹哨报到: the escalation, the department's answer, the chase, the department's own
/// notice of an item, and the list of departments when a name is unknown.
extension Replies {
    func escalated(_ item: Item, request: DepartmentRequest?) throws -> String {
        let view = EscalatedView(
            item: item.number, target: request?.department ?? item.escalatedTo,
            level: request.flatMap { config.escalation.levelName($0.level) },
            due: request?.dueAt.map { due($0) })
        return try render(.escalated, view)
    }

    func departmentAnswered(_ item: Item, answer: String?) throws -> String {
        try render(
            .departmentAnswered,
            DepartmentAnswerView(item: item.number, department: item.escalatedTo ?? "", answer: answer))
    }

    /// The chaser's receipt when the department heard the chase in its own group.
    func chaseSent(_ item: Item) throws -> String {
        try render(
            .chaseSent, DepartmentAnswerView(item: item.number, department: item.escalatedTo ?? "", answer: nil))
    }

    /// "【催办】…": what the department hears when pressed, in its group or through the secretary.
    func chase(_ item: Item, request: DepartmentRequest?, now: Date) throws -> String {
        let department = request?.department ?? item.escalatedTo ?? ""
        let deadline = request?.dueAt ?? item.dueAt
        let view = ChaseView(
            item: item.number, topic: labels.topic(of: item), place: try place(of: item.withoutRoom),
            department: department, raised: request.map { due($0.raisedAt) }, due: deadline.map { due($0) },
            late: deadline.map { $0 < now } ?? false)
        return try render(.chased, view)
    }

    /// What the department's contact group hears when an item is handed to it. The room stays out and
    /// phone numbers are masked: the department gets the place and the words, not a resident's door.
    func departmentRequest(_ item: Item, request: DepartmentRequest) throws -> String {
        let view = DepartmentRequestView(
            item: item.number, topic: labels.topic(of: item), place: try place(of: item.withoutRoom),
            text: DigitMask.mask(item.text), department: request.department,
            level: config.escalation.levelName(request.level), due: request.dueAt.map { due($0) })
        return try render(.departmentRequest, view)
    }

    /// Unknown or missing department: the valid names, nothing changed.
    func unknownDepartment(_ refusal: UnknownDepartment, item: Int64?, to sender: Member) throws -> ReplyDraft {
        let view = UnknownDepartmentView(
            item: item, written: refusal.written, waitingOn: refusal.waitingOn,
            names: config.escalation.departments.map(\.name).joined(separator: labels.word(.listSeparator)),
            example: config.escalation.departments.first?.name)
        return try toSender(sender, .unknownDepartment, view)
    }
}

extension Item {
    /// The item as a whole group may read it: the room left out.
    var withoutRoom: Item {
        var shown = self
        shown.room = nil
        return shown
    }
}
