/// Sets `Directive.meToo` ("我也遇到了 #3") and `.reopen` ("#3 又坏了", "还没修好" under a quote of
/// #3) on a message that names an item, leaving the intent as LABELING.md gives it (a confirmation
/// is chitchat). A command with an item number (认领, 完成, 验收 …) keeps its meaning: "退回 #3 没修好"
/// is the secretary's verdict, not a reopening. Read by the rules, it makes the reading structural:
/// the learned model does not second-guess a numbered item's directive (as it does not a command's).
enum DirectiveRecognizer {
    /// Sets the directive the words ask for on the rules' reading; true when it did.
    @discardableResult
    static func apply(to result: inout ParseResult, context ctx: MessageContext) -> Bool {
        // A quoted item, or a number written as one ("#3", "3号"): a bare "+1" is agreement, not #1.
        let ref = ctx.quotedNumbers.first ?? ctx.refs.first { $0.form != .bare }?.number
        guard result.directive == nil, let ref else { return false }
        switch result.intent {
        case .chitchat, .report, .query, .suggestion:
            break
        case .wish, .claim, .release, .complete, .verify, .escalate, .register:
            return false
        }
        let directive: Directive
        if saysBrokenAgain(ctx.hits) {
            directive = .reopen
        } else if saysMeToo(ctx.hits) {
            directive = .meToo
        } else {
            return false
        }
        result.directive = directive
        result.itemRef = ref
        return true
    }

    /// "又坏了", "还没修好", or a relapse word of the chat list that says "again" (又堵, not 但是).
    private static func saysBrokenAgain(_ hits: CueHits) -> Bool {
        hits.has(.reopen) || hits.all(.relapse).contains { hits.text[$0.start] == "又" }
    }

    /// "我也遇到了", or a confirmation in the sender's own name (我也看到了, not 同意 or 附议).
    private static func saysMeToo(_ hits: CueHits) -> Bool {
        hits.has(.meToo)
            || hits.all(.confirm).contains {
                $0.length >= 2 && hits.text[$0.start] == "我" && hits.text[$0.start + 1] == "也"
            }
    }
}
