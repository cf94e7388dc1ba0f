// View models of the 吹哨报到 replies; stored properties only (see ReplyViews.swift).

struct DepartmentAnswerView {
    var item: Int64
    var department: String
    var answer: String?
}

struct ChaseView {
    var item: Int64
    var topic: String
    var place: String
    var department: String
    /// When it was handed to the department.
    var raised: String?
    var due: String?
    /// The department's deadline has passed.
    var late: Bool
}

struct DepartmentRequestView {
    var item: Int64
    var topic: String
    var place: String
    var text: String
    var department: String
    var level: String?
    var due: String?
}

struct UnknownDepartmentView {
    /// The item asked about in chat (for the example); nil on the board.
    var item: Int64?
    /// The name given, when one was.
    var written: String?
    /// For an answer naming another department: the one the item waits on.
    var waitingOn: String?
    /// The valid names, joined for the sentence.
    var names: String
    /// A valid name to show in the example.
    var example: String?
}
