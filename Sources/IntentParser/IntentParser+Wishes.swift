extension IntentParser {
    /// The longest message read as "发布心愿" beyond its command words: a request, not a story about one.
    static let wishPublicationLength = 8

    /// "发布心愿": the secretary asks for the weekly 微心愿 now. LABELING.md reads it as chat (it files
    /// nothing and is none of the ten other intents); the directive names the action, and the rules
    /// decide it, so the model never turns it into a wish. Any sender's: the server refuses others.
    static func wishPublication(_ ctx: MessageContext) -> ParseResult? {
        guard ctx.hits.has(.publishWishes), ctx.ref == nil, ctx.contentLength <= wishPublicationLength else {
            return nil
        }
        return ParseResult(intent: .chitchat, directive: .publishWishes, confidence: 0.9)
    }
}
