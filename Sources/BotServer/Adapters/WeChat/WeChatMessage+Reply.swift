extension WeChatMessage {
    /// The plain passive text reply to this message (protocols.md §1.5): To/From swapped, and
    /// for WeCom the same AgentID, which WeCom uses to route the answer to the app.
    ///
    /// `text` goes into CDATA safely even when it contains `]]>`.
    func textReply(_ text: String, now: Int64) -> String {
        var fields: [(name: String, value: WeChatXML.Value)] = [
            ("ToUserName", .text(fromUser)),
            ("FromUserName", .text(toUser)),
            ("CreateTime", .number(now)),
            ("MsgType", .text("text")),
            ("Content", .text(text)),
        ]
        if let agentID { fields.append(("AgentID", .number(agentID))) }
        return WeChatXML.build(fields)
    }
}
