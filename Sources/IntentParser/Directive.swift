/// A board action the words ask for beyond LABELING.md's eleven intents.
///
/// The eleven intents are what the corpora label and the scorer measures, so they stay as
/// LABELING.md defines them ("我也遇到了 #3" is still chitchat there, "催办 #12" still escalate);
/// the directive tells the server which action of that intent the sender means.
public enum Directive: String, Sendable, Codable, CaseIterable {
    /// "我也遇到了 #3": the sender's report is the same thing as #3.
    case meToo = "me_too"
    /// "#3 又坏了" / "还没修好": a closed item is broken again.
    case reopen
    /// "#12 城管回复：已安排 周三前清理": a department's answer, recorded in the timeline.
    case departmentAnswer = "department_answer"
    /// "催办 #12": chase the department an item waits on.
    case chase
    /// "销号 #12": the secretary closes an escalated item.
    case closeOut = "close_out"
    /// "采纳 #15": the secretary adopts a suggestion.
    case adopt
    /// "兑换 @叶强 洗衣液": the secretary books what a member's points buy.
    case exchange
    /// "捐赠 20": points given to the community's pool.
    case donate
    /// "发布心愿": the secretary publishes the approved, unclaimed wishes now.
    case publishWishes = "publish_wishes"
}
