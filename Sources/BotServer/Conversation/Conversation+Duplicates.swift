import IntentParser
import TaskBoard

extension Conversation {
    /// "我也遇到了 #3" joins the sender's words to #3; "#3 又坏了" reopens it. Nil when the message
    /// asks neither, or names no item (a quote of #3 names it too).
    func directed(_ parsed: ParseResult) throws -> Response? {
        guard let ref = parsed.itemRef.map(Int64.init) else { return nil }
        switch parsed.directive {
        case .meToo:
            // Filed as the report it is, about #3: its words, photos and any place it names.
            let report = ParseResult(intent: .report, place: parsed.place)
            guard let joining = filing(report) else { return nil }
            let happened = try commands.join(joining, to: ref, explicit: true)
            return Response(drafts: [try reply(happened)], itemID: happened.item?.id, created: false)
        case .reopen:
            let happened = try commands.reopen(ref, note: message.text)
            return Response(drafts: [try reply(happened)], itemID: happened.item?.id, created: false)
        default:
            return nil
        }
    }
}

extension Happened {
    /// A new item was filed (not joined to another): its place may still be asked for.
    var isFiled: Bool {
        if case .filed = self { return true }
        return false
    }
}
