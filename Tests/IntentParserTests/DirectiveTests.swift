import Testing

@testable import IntentParser

/// Directives beyond the eleven intents (issue 13 item 4): "我也遇到了 #3" joins #3, "#3 又坏了" reopens
/// it; the intent stays as LABELING.md gives it, and a command with a number keeps its meaning.
@Suite struct DirectiveTests {
    let p = Fixtures.parser

    @Test func meTooWithANumberJoinsThatItemAndStaysChitchat() {
        for text in ["我也遇到了 #3", "我也看到了 #3", "3号 我家也是"] {
            let r = p.parse(text, .rider)
            #expect(r.directive == .meToo, "\(text)")
            #expect(r.itemRef == 3, "\(text)")
            #expect(!r.needsReview, "\(text)")
        }
        #expect(p.parse("我也遇到了 #3", .rider).intent == .chitchat)
    }

    @Test func brokenAgainWithANumberOrAQuoteReopensIt() {
        for text in ["#3 又坏了", "#3 又堵了", "#3 还没修好", "「叶强：龙西小区12栋窨井盖破损 #3」\n----\n还没修好"] {
            let r = p.parse(text, .resident)
            #expect(r.directive == .reopen, "\(text)")
            #expect(r.itemRef == 3, "\(text)")
        }
    }

    @Test func withoutANumberOrAsACommandThereIsNoDirective() {
        let report = p.parse("龙西小区12栋井盖又坏了", .rider)
        #expect(report.directive == nil)
        #expect(report.itemRef == nil)
        #expect(report.intent == .report)
        let verdict = p.parse("退回 #3 没修好", .secretary)
        #expect(verdict.intent == .verify)
        #expect(verdict.directive == nil)
        let claim = p.parse("我也去 #3", .member)
        #expect(claim.intent == .claim)
        #expect(claim.directive == nil)
        #expect(p.parse("同意 #3", .rider).directive == nil)
    }
}

extension DirectiveTests {
    @Test func aBarePlusOneIsAgreementNotItemOne() {
        let r = p.parse("+1 我也看到那个井盖了", .rider)
        #expect(r.directive == nil)
    }
}
