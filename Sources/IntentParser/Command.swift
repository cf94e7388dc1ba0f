/// A recognised board command with what the server needs to act on it.
struct Command: Sendable, Equatable {
    var intent: Intent
    var itemRef: Int?
    var verdict: Verdict?
    var escalationTarget: String?
    var registerName: String?
    var note: String?
    var directive: Directive?
    var confidence: Double
}
