import TaskBoard

extension Notices {
    /// The department's contact group, when it has one, hears of an item handed to it and of each
    /// chase: words for the department, not @-mentions of people it does not know.
    func departmentNews(_ happened: Happened) throws -> Notice? {
        let escalation = replies.config.escalation
        let text: String
        let item: Item
        switch happened {
        case .escalated(let escalated, let request?, _):
            item = escalated
            text = try replies.departmentRequest(item, request: request)
        case .chased(let chased, let request, let at):
            item = chased
            text = try replies.chase(item, request: request, now: at)
        default:
            return nil
        }
        guard let group = escalation.department(of: item.escalatedTo)?.group else { return nil }
        return Notice(
            group: ChatGroup(channel: group.channel, id: group.id), draft: ReplyDraft(text: text, mentions: []),
            inReplyTo: nil)
    }
}
