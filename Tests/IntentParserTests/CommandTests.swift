import Testing

@testable import IntentParser

@Suite("Commands")
struct CommandTests {
    let p = Fixtures.parser

    /// Claim with a command word and a number in its forms (认领 #7, 领 #6, 接单 #29, 认领十三号).
    @Test func claimForms() {
        for (s, n) in [("认领 #7", 7), ("领 #6", 6), ("接单 #29", 29), ("认领十三号", 13), ("抢单 #20 🙋‍♂️", 20), ("认领:19", 19)] {
            let r = p.parse(s, .member)
            #expect(r.intent == .claim && r.itemRef == n, "\(s)")
        }
    }

    /// The secretary's plain "认领 #12" is a claim too; the board decides who may.
    @Test func secretaryClaimsWithAPlainCommand() {
        let r = p.parse("认领 #12", .secretary)
        #expect(r.intent == .claim && r.itemRef == 12)
    }

    /// A bare "验收 #12" from someone without the right is still a verify, so the board can refuse it aloud.
    @Test func bareVerifyFromAnyRole() {
        for role in [SenderRole.member, .rider] {
            let r = p.parse("验收 #12", role)
            #expect(r.intent == .verify && r.itemRef == 12, "\(role)")
        }
        #expect(p.parse("#12 请验收", .member).intent == .complete)
    }

    /// Claim by offering ("十九号我来跑一趟", "#15我来", "14号交给我").
    @Test func claimByOffer() {
        #expect(p.parse("十九号我来跑一趟", .member).itemRef == 19)
        #expect(p.parse("#15我来", .member).intent == .claim)
        #expect(p.parse("14号交给我 保证完成任务💪", .member).intent == .claim)
    }

    /// "能不能把14号分给我" asks for the item: a claim.
    @Test func claimByAsking() {
        let r = p.parse("能不能把14号分给我", .member)
        #expect(r.intent == .claim && r.itemRef == 14)
    }

    /// A claim without a number ("这个我来") has item_ref nil; a building number is not an item.
    @Test func claimWithoutNumber() {
        #expect(p.parse("这个我来", .member) == ParseResult(intent: .claim, confidence: 0.7, needsReview: false))
        let r = p.parse("12号楼那个井盖我来弄", .member)
        #expect(r.intent == .claim && r.itemRef == nil)
    }

    /// Negated claim words are not claims ("今天不接单了", "未认领的有几个").
    @Test func negatedClaim() {
        #expect(p.parse("雨太大了 今天不接单了").intent == .chitchat)
        #expect(p.parse("未认领的有几个", .member).query == .todo)
    }

    /// Release (放弃, 退单, 取消认领, 去不了, 退回 from a member).
    @Test func release() {
        for s in ["第9单我放弃 谁有空接一下", "退单 #27", "取消认领 15号", "#12 不好意思临时出差 去不了了 退回", "撤回认领#18", "#3 释放"] {
            #expect(p.parse(s, .member).intent == .release, "\(s)")
        }
    }

    /// Complete (完成/办结/已处理/完工/搞定/请验收) from the claimer.
    @Test func complete() {
        for s in ["#12 已完成", "报告 18号单已办结", "11号 完工", "12号搞定 👌", "14号 完成 请书记验收", "20号 楼道杂物清完了"] {
            #expect(p.parse(s, .member).intent == .complete, "\(s)")
        }
    }

    /// "#19 ✅": a done emoji right after an item number completes it.
    @Test func doneEmoji() {
        let r = p.parse("#19 ✅", .member)
        #expect(r.intent == .complete && r.itemRef == 19)
    }

    /// A promise is not a completion ("保证完成任务").
    @Test func promiseIsNotCompletion() {
        #expect(p.parse("14号交给我 保证完成任务", .member).intent == .claim)
    }

    /// Verify from the secretary: pass, and reject with the reason in `note`.
    @Test func verify() {
        let pass = p.parse("#15 验收通过 辛苦了", .secretary)
        #expect(pass.intent == .verify && pass.verdict == .pass && pass.itemRef == 15)
        let reject = p.parse("验收#20 不通过 楼道还是很乱 麻烦再清一下", .secretary)
        #expect(reject.intent == .verify && reject.verdict == .reject)
        #expect(reject.note == "楼道还是很乱 麻烦再清一下")
    }

    /// Role matters: "完成" from the secretary is a verification, "请验收" from a member a completion.
    @Test func roleDecides() {
        #expect(p.parse("确认#23已完成 给张师傅加分", .secretary).intent == .verify)
        #expect(p.parse("14号 完成 请书记验收", .member).intent == .complete)
    }

    /// Escalate (吹哨/上报/转供电所) with the target as written.
    @Test func escalate() {
        let a = p.parse("#15 吹哨 城管", .secretary)
        #expect(a.intent == .escalate && a.escalationTarget == "城管")
        let b = p.parse("#41 超出社区权限 上报街道综合执法", .secretary)
        #expect(b.escalationTarget == "街道综合执法")
        #expect(p.parse("#9 转供电所", .secretary).escalationTarget == "供电所")
    }

    /// Register (报到, typos 报道/报个道) with the name picked out.
    @Test func register() {
        #expect(p.parse("报到", .member).intent == .register)
        #expect(p.parse("我也报个到 美团骑手 叶强", .rider).registerName == "叶强")
        #expect(p.parse("在职党员刘建国 区住建局 前来报到 请书记多指导", .member).registerName == "刘建国")
        #expect(p.parse("报道 刘洋 骑手", .rider).registerName == "刘洋")
    }

    /// A claim word before a completion word is a plan ("#45 我认领了 明天上午弄完"), still a claim.
    @Test func claimThenPlan() {
        #expect(p.parse("#45 我认领了 大概明天上午弄完", .member).intent == .claim)
    }

    /// An offer without a number that describes a fault is not a claim.
    @Test func offerWithFault() {
        #expect(p.parse("这个井盖又松了 我来反映一下").intent == .report)
    }

    /// The kind mask holds every cue kind.
    @Test func kindMask() {
        for k in CueKind.allCases {
            let one = CueKinds(arrayLiteral: k)
            #expect(one.contains(k))
            #expect(CueKind.allCases.filter { one.contains($0) } == [k])
        }
    }
}
