import TaskBoard

extension Replies {
    /// 晒单 in the members' groups: who fulfilled whose wish, with the after photo where there is one.
    func wishFulfilled(_ item: Item, claimant: Member?, photo: Photo?) throws -> ReplyDraft {
        let privacy = wishPrivacy
        let view = WishFulfilledView(
            item: item.number, name: claimant?.name ?? labels.word(.unknownName),
            beneficiary: privacy.beneficiary(in: item.text), text: privacy.shown(item.text))
        var draft = ReplyDraft(text: try render(.wishFulfilled, view), mentions: [])
        draft.imageURL = photo?.url
        return draft
    }

    /// The weekly 微心愿 in one message for the members' groups; nil when no wish waits for a member.
    func wishList(_ publication: WishPublication) throws -> ReplyDraft? {
        guard !publication.wishes.isEmpty else { return nil }
        let wishes = try publication.wishes.map { try WishView($0, replies: self) }
        let more = publication.total - wishes.count
        let view = WishListView(total: publication.total, wishes: wishes, more: more > 0 ? more : nil)
        return ReplyDraft(text: try render(.wishList, view), mentions: [])
    }

    /// What the secretary hears of a publication: how many were sent, which wait too long, how many
    /// still wait for approval. Addressed to `secretaries`.
    func wishPublication(_ publication: WishPublication, secretaries: [String]) throws -> ReplyDraft {
        let privacy = wishPrivacy
        let long = publication.unclaimedLong.map { "#\($0.number) \(privacy.beneficiary(in: $0.text))" }
        let view = WishPublicationView(
            published: publication.total > 0 ? publication.total : nil,
            unclaimedLong: long.isEmpty ? nil : long.joined(separator: labels.word(.listSeparator)),
            days: config.wishes.unclaimedDays,
            awaiting: publication.awaitingApproval > 0 ? publication.awaitingApproval : nil)
        return ReplyDraft(text: try render(.wishPublication, view), mentions: secretaries)
    }
}
