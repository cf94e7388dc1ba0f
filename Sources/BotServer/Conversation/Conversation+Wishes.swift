import TaskBoard

extension Conversation {
    /// "发布心愿" from the secretary: the answer says what was published; the list itself goes to every
    /// members' group, the one asked in too.
    func publishWishes() throws -> [ReplyDraft] {
        let config = replies.config
        let publication = try commands.publishWishes(config.wishes)
        var answer = try replies.wishPublication(publication, secretaries: [member.platformID])
        if let list = try replies.wishList(publication) {
            answer.notices += config.membersGroups(heardOn: message.channel).map {
                Notice(group: $0, draft: list, inReplyTo: nil)
            }
        }
        return [answer]
    }
}
