import Testing

@testable import IntentParser

@Suite("Report, wish, suggestion, chat")
struct ContentTests {
    let p = Fixtures.parser

    /// A fault in a shared space is a report with category and place.
    @Test func report() {
        let r = p.parse("鑫茂东苑9幢2单元 楼道灯全不亮")
        #expect(r.intent == .report && r.category == .streetlight)
        #expect(r.place?.estate == "鑫茂东苑" && r.place?.building == "9" && r.place?.unit == "2")
        #expect(r.missing.isEmpty)
    }

    /// A report that names no place lacks `.place`.
    @Test func missingPlace() {
        #expect(p.parse("井盖被人偷了 好危险").missing == [.place])
    }

    /// A photo with no telling text ("这里", "看下这个", or none) is report/other.
    @Test func photoOnly() {
        for s in ["这里", "看下这个", ""] {
            let r = p.parse(s, .rider, [.image(url: "u")])
            #expect(r.intent == .report && r.category == .other && r.place == nil, "\(s)")
        }
        #expect(p.parse("这里").intent == .chitchat)
    }

    /// 微心愿 for a named person, including repairs inside their home, is a wish.
    @Test func wish() {
        let r = p.parse("【微心愿】龙西18栋黄大爷家的燃气灶打不着火，想请人帮忙看看", .secretary)
        #expect(r.intent == .wish && r.category == nil && r.place?.building == "18")
        #expect(p.parse("森工大厦1栋 我妈冰箱坏了不制冷 能不能有人帮忙看看是啥毛病", .resident).intent == .wish)
    }

    /// The same fault in a shared space is a report even when a person is mentioned.
    @Test func publicFaultWithPerson() {
        #expect(p.parse("龙西小区12栋2单元楼下井盖松了 单元里阿姨让我帮着说一声").intent == .report)
    }

    /// A proposal is a suggestion (建议…, 能不能装…), with a place but no category.
    @Test func suggestion() {
        let r = p.parse("能不能在广场花苑门口装几个电动车充电桩 大家就不用飞线了")
        #expect(r.intent == .suggestion && r.category == nil && r.place?.estate == "广场花苑")
        #expect(p.parse("要是每个小区门口贴个二维码 扫一下就能报问题就好了").intent == .suggestion)
    }

    /// A concrete fault asked with 能不能 is a report ("…能不能管管").
    @Test func faultAsQuestion() {
        let r = p.parse("宝氮二区3栋楼上跟KTV一样 天天唱到凌晨 能不能管管", .resident)
        #expect(r.intent == .report && r.category == .noise)
    }

    /// Solved problems, confirmations, notices and personal requests are chat.
    @Test func chat() {
        for (s, role) in [
            ("龙西12栋那个井盖 物业今天换了新的👍", SenderRole.rider), ("井盖那个事我也看到了 确实挺危险", .rider),
            ("明天上午龙西小区搞消防演练 大家路过注意避让", .secretary), ("有没有人有打气筒 车胎瘪了", .rider),
            ("昨天反映的路灯今天亮了 社区给力💪", .resident),
        ] {
            #expect(p.parse(s, role).intent == .chitchat, "\(s)")
        }
    }

    /// "不亮了" is a fault, not the solved cue "亮了".
    @Test func negatedSolved() {
        #expect(p.parse("平东6栋楼下的路灯又不亮了").intent == .report)
    }

    /// Category tie-breaks: a hole beside an intact cover is road; a tree on wires is greenery.
    @Test func tieBreaks() {
        #expect(p.parse("秦川5栋旁边井盖边上塌了个坑 盖子倒是好的").category == .road)
        #expect(p.parse("秦川2栋前面那棵树歪了 斜靠在电线上").category == .greenery)
        #expect(p.parse("芙蓉7栋后面污水井往外冒水 一股粪味").category == .drainage)
    }

    /// The first problem named decides the category ("停电了 电梯也停了" → utilities).
    @Test func firstProblem() {
        #expect(p.parse("宝华高层停电了 电梯也停了").category == .utilities)
    }

    /// Location only for report/wish/suggestion; category only for reports.
    @Test func fieldsByIntent() {
        let claim = p.parse("认领 #12", .member)
        #expect(claim.place == nil && claim.category == nil)
        let chat = p.parse("广场花苑3栋的垃圾桶换新的了 点赞")
        #expect(chat.place == nil && chat.category == nil)
    }

    /// Low confidence asks for review.
    @Test func review() {
        let r = p.parse("", .rider, [.image(url: "u")])
        #expect(r.needsReview)
        #expect(!p.parse("认领 #12", .member).needsReview)
    }

    /// Photo URLs are carried in order.
    @Test func photos() {
        let r = p.parse("#7 完成 附图", .member, [.image(url: "a"), .image(url: "b")])
        #expect(r.photoURLs == ["a", "b"])
    }
}
