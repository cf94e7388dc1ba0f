/// Recognises what follows an escalation (吹哨报到), each only with an item number: a department's
/// answer relayed into the group ("#12 城管回复：已安排 周三前清理"), pressing the department ("催办 #12")
/// and striking the item off ("销号 #12"). LABELING.md reads the first two as escalate and the last as
/// verify; the directive says which action is meant, the board decides who may take it.
struct DepartmentDirectives: Sendable {
    func recognize(_ ctx: MessageContext, written: NormalizedText) -> Command? {
        guard let ref = ctx.ref else { return nil }
        let h = ctx.hits
        // The answer word must follow the department's name directly, so "回复" alone stays chat.
        for answer in h.unnegated(.departmentAnswer) {
            guard let department = h.all(.escalationTarget).last(where: { $0.end == answer.start }) else { continue }
            return Command(
                intent: .escalate, itemRef: ref, escalationTarget: written.written(department.start..<department.end),
                note: rest(after: answer.end, in: written), directive: .departmentAnswer, confidence: 0.9)
        }
        if let closeOut = h.unnegated(.closeOut).first {
            return Command(
                intent: .verify, itemRef: ref, verdict: .pass,
                note: rest(after: closeOut.end, in: written, number: true),
                directive: .closeOut, confidence: 0.9)
        }
        if !h.unnegated(.chase).isEmpty {
            return Command(intent: .escalate, itemRef: ref, directive: .chase, confidence: 0.9)
        }
        return nil
    }

    /// The words after `start` as written, without the separators that open them ("：", "，", spaces)
    /// and, when asked, the item number that may follow the command word ("销号 #12 已清理").
    private func rest(after start: Int, in text: NormalizedText, number: Bool = false) -> String? {
        var from = start
        let scalars = text.scalars
        func skip(_ what: (Unicode.Scalar) -> Bool) { while from < scalars.count && what(scalars[from]) { from += 1 } }
        skip(TextNormalizer.isSeparator)
        if number && from < scalars.count && scalars[from] == "#" {
            from += 1
            skip(TextNormalizer.isDigit)
            skip(TextNormalizer.isSeparator)
        }
        guard from < scalars.count else { return nil }
        let note = text.written(from..<scalars.count)
        return note.isEmpty ? nil : note
    }
}
