import Testing

@testable import IntentParser

/// What follows 吹哨报到: a department's answer relayed, a chase, a strike-off (issue 13 item 3).
@Suite("Department directives")
struct DepartmentDirectiveTests {
    let p = Fixtures.parser

    /// "#12 城管回复：已安排 周三前清理": escalate, the department's answer as written, whoever sends it.
    @Test func aDepartmentsAnswer() {
        for role in [SenderRole.secretary, .member, .rider] {
            let r = p.parse("#12 城管回复：已安排 周三前清理", role)
            #expect(r.intent == .escalate && r.directive == .departmentAnswer, "\(role)")
            #expect(r.itemRef == 12)
            #expect(r.escalationTarget == "城管")
            #expect(r.note == "已安排 周三前清理")
        }
        let alias = p.parse("#3 供电公司答复，明天上午来修", .secretary)
        #expect(alias.directive == .departmentAnswer && alias.escalationTarget == "供电公司")
        #expect(alias.note == "明天上午来修")
    }

    /// "回复" not right after a department, or without a number, is no answer.
    @Test func notAnAnswer() {
        #expect(p.parse("书记辛苦 这么晚还在回复", .member).directive == nil)
        #expect(p.parse("城管回复了吗", .member).directive == nil)
        #expect(p.parse("#12 回复一下", .secretary).directive == nil)
    }

    /// "催办 #12" is still escalate (LABELING.md), with the chase directive.
    @Test func aChase() {
        for s in ["催办 #12", "#12 催办一下", "督办 #12"] {
            let r = p.parse(s, .secretary)
            #expect(r.intent == .escalate && r.directive == .chase && r.itemRef == 12, "\(s)")
        }
        #expect(p.parse("催办一下", .secretary).directive == nil)
    }

    /// "销号 #12" is the secretary's verify, with the close-out directive and any words after the number.
    @Test func aStrikeOff() {
        let r = p.parse("销号 #12", .secretary)
        #expect(r.intent == .verify && r.directive == .closeOut && r.itemRef == 12 && r.note == nil)
        let noted = p.parse("销号 #12 已清理", .secretary)
        #expect(noted.directive == .closeOut && noted.note == "已清理")
        #expect(p.parse("#12 可以销号", .secretary).directive == .closeOut)
    }

    /// Plain 吹哨 keeps working, aliases included, and has no directive.
    @Test func plainEscalation() {
        let r = p.parse("#12 上报城管局", .secretary)
        #expect(r.intent == .escalate && r.directive == nil && r.escalationTarget == "城管局")
        #expect(p.parse("吹哨 #12 环保", .secretary).escalationTarget == "环保")
    }
}
