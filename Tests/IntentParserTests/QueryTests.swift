import Testing

@testable import IntentParser

@Suite("Queries")
struct QueryTests {
    let p = Fixtures.parser

    /// Points: 我的积分 / 积分？ / 多少分.
    @Test func points() {
        for s in ["我的积分", "积分？", "我现在多少分了"] { #expect(p.parse(s, .member).query == .points, "\(s)") }
    }

    /// Leaderboard: 积分榜 / 排行榜 / 谁第一.
    @Test func leaderboard() {
        for s in ["积分榜", "排行榜", "这周积分谁第一"] { #expect(p.parse(s, .member).query == .leaderboard, "\(s)") }
    }

    /// Todo: 待办 / 我的任务 / 有啥任务可以领.
    @Test func todo() {
        for s in ["待办", "我的任务", "有啥任务可以领", "还有哪些单没人接"] { #expect(p.parse(s, .member).query == .todo, "\(s)") }
    }

    /// Item status with a number, and without one about the sender's own report.
    @Test func itemStatus() {
        let a = p.parse("查一下第15单状态")
        #expect(a.query == .itemStatus && a.itemRef == 15)
        let b = p.parse("我上周报的龙西那个井盖修了没")
        #expect(b.query == .itemStatus && b.itemRef == nil && b.place == nil)
        #expect(p.parse("#12 修好了吗").query == .itemStatus)
    }

    /// Help: 帮助 / 怎么用 / 菜单.
    @Test func help() {
        for s in ["帮助", "怎么用啊这个", "菜单", "指令有哪些"] { #expect(p.parse(s, .member).query == .help, "\(s)") }
    }

    /// "周报" asks for the weekly report as the whole message; "上周报的" is about the sender's report.
    @Test func weekReport() {
        for s in ["周报", "发一下周报", "上周研判", "周报呢？"] { #expect(p.parse(s, .secretary).query == .weekReport, "\(s)") }
        #expect(p.parse("我上周报的井盖修了没").query == .itemStatus)
        #expect(p.parse("上周报的那个井盖到底谁管，龙西小区3栋门口还是坏的", .rider).query != .weekReport)
    }

    /// "我的年度任务" / "两个至少完成了吗" ask how the yearly duty stands.
    @Test func yearlyDuty() {
        for s in ["我的年度任务", "年度任务", "我两个至少完成了吗", "今年任务完成没有？"] {
            #expect(p.parse(s, .member).query == .yearlyDuty, "\(s)")
        }
        #expect(p.parse("我的任务", .member).query == .todo)
    }

    /// Query words inside a suggestion or a secretary's notice are not queries.
    @Test func notQueries() {
        #expect(p.parse("建议积分榜每月清零一次 新来的也有机会", .member).intent == .suggestion)
        #expect(p.parse("本周积分兑换时间是周五下午，地点蜂巢驿站一号站", .secretary).intent == .chitchat)
    }

    /// A status question about an earlier item without a number is item_status; a fault with "有人管吗" stays a report.
    @Test func statusVersusComplaint() {
        #expect(p.parse("上次那个路灯的事有人管吗").query == .itemStatus)
        #expect(p.parse("龙西小区3栋井盖坏了好几天了 有人管吗").intent == .report)
    }

    /// "积分" alone asks for points only in a short message.
    @Test func pointsWordInLongMessage() {
        #expect(p.parse("谁知道这个月积分什么时候兑换").intent == .chitchat)
    }
}
