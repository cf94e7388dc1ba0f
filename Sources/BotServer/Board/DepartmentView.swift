import TaskBoard

/// The item page's 吹哨报到 box: which department at which level, its deadline, and its answers.
struct DepartmentView: Sendable {
    struct Answer: Sendable {
        var when: String
        var text: String?
    }

    var name: String
    var level: String?
    var due: String?
    var answered: String?
    var solved: String?
    var answers: [Answer]
    var hasAnswers: Bool

    init(_ request: DepartmentRequest, events: [TimelineEvent], config: AppConfig, format: BoardFormat) {
        name = request.department
        level = config.escalation.levelName(request.level)
        due = format.dateTime(request.dueAt)
        answered = format.dateTime(request.answeredAt)
        solved = format.dateTime(request.solvedAt)
        answers = events.filter { $0.action == .departmentAnswered }.map {
            Answer(when: format.dateTime($0.at) ?? "", text: $0.note)
        }
        hasAnswers = !answers.isEmpty
    }
}
