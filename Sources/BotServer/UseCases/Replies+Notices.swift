import TaskBoard

extension Replies {
    /// New work told to the members' groups: "新事项 #1 井盖｜龙西小区12栋（第一网格），… 回复「认领 #1」接单".
    /// The room is left out and a wish's text masked: the whole members' group reads it. The report's
    /// first photo goes with it where the platform can send one (as 晒单's after photo does).
    func announcement(of item: Item, route: Route, photo: Photo?) throws -> ReplyDraft {
        let wish = item.kind == .wish ? try WishView(item, replies: self) : nil
        let view = AnnouncementView(
            item: item.number, wish: wish != nil, topic: labels.topic(of: item), place: try place(of: item.withoutRoom),
            grid: route.gridName, due: due(item.dueAt), text: wish?.text, beneficiary: wish?.beneficiary)
        var draft = ReplyDraft(text: try render(.announcement, view), mentions: [])
        draft.imageURL = photo?.url
        return draft
    }
}

extension ReporterClaimedView {
    /// Claimed by a member or handed to one by the community: the reporter hears who and by when.
    init(_ item: Item, name: String, assigned: Bool, replies: Replies) throws {
        self.init(
            item: item.number, name: name, assigned: assigned, category: replies.labels.topic(of: item),
            place: try replies.place(of: item), due: replies.due(item.dueAt))
    }
}
