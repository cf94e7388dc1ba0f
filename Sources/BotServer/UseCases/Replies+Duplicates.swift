import TaskBoard

/// The words of duplicates joined, reopened and split.
extension Replies {
    /// "#3 又坏了，已重新打开…", naming the former claimant, the reporter and the grid's workers.
    func brokenAgain(
        _ item: Item, route: Route, formerClaimant: Member?, reporter: Member?, to: Addressing
    ) throws -> ReplyDraft {
        let view = BrokenAgainView(
            item: item.number, topic: labels.topic(of: item), place: try place(of: item), due: due(item.dueAt),
            claimant: formerClaimant?.name)
        return to.concerning(
            [formerClaimant, reporter], try render(.brokenAgain, view), also: route.workers.map(\.platformID))
    }

    /// A split report's own receipt, for its reporter, saying why it came now.
    func split(_ item: Item, route: Route, from: Int64, awards: [Award], reporter: Member) throws -> ReplyDraft {
        let receipt = try receipt(item, route: route, awards: awards, reporter: reporter)
        let text = try render(.splitOff, SplitOffView(from: from, receipt: receipt.text))
        return ReplyDraft(text: text, mentions: receipt.mentions)
    }

    /// "您反映的问题（与 #3 是同一件事）已办结": to the reporters of joined reports.
    func joinedClosed(_ item: Item) throws -> ReplyDraft {
        ReplyDraft(text: try render(.joinedClosed, ItemOnlyView(item: item.number)), mentions: [])
    }
}

extension ReplyDraft {
    /// The same words, also @-mentioning `platformID`.
    func mentioning(_ platformID: String) -> ReplyDraft {
        var draft = self
        draft.mention(platformID)
        return draft
    }
}

struct BrokenAgainView {
    var item: Int64
    var topic: String
    var place: String
    var due: String
    /// The former claimant's name, invited to take it again.
    var claimant: String?
}

struct SplitOffView {
    /// The item the report was wrongly joined to.
    var from: Int64
    /// The new item's receipt, as any report gets it.
    var receipt: String
}

struct ReopenTooLateView {
    var item: Int64
    var days: Int
}
