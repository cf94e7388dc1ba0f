import Testing

@testable import IntentParser

@Suite("Points commands")
struct PointsCommandTests {
    let p = Fixtures.parser

    /// "采纳 #15" adopts: a verification of the suggestion, with the adopt directive, from anyone (the board refuses).
    @Test func adopt() {
        for role in [SenderRole.secretary, .member] {
            let r = p.parse("采纳 #15", role)
            #expect(r.intent == .verify && r.itemRef == 15 && r.directive == .adopt, "\(role)")
        }
        // The secretary's bare word asks for the number; a rider's question about adoption is not a command
        #expect(p.parse("采纳", .secretary).directive == .adopt)
        #expect(p.parse("我的建议采纳了吗", .rider).directive == nil)
        #expect(p.parse("采纳了吗", .rider).directive == nil)
    }

    /// "兑换 @叶强 洗衣液": the member as written after @ (or as the first word) and the goods.
    @Test func exchange() {
        for text in ["兑换 @叶强 洗衣液", "兑换＠叶强 洗衣液", "@蜂巢 兑换 @叶强 洗衣液", "兑换 叶强 洗衣液。"] {
            let r = p.parse(text, .secretary)
            #expect(r.directive == .exchange, "\(text)")
            #expect(r.points == PointsRequest(member: "叶强", goods: "洗衣液"), "\(text)")
        }
        #expect(p.parse("兑换 @叶强 大米 5 公斤", .secretary).points?.goods == "大米 5 公斤")
        // A notice or a suggestion about exchanging is not a command
        #expect(p.parse("本周积分兑换时间是周五下午，地点蜂巢驿站一号站", .secretary).directive == nil)
        #expect(p.parse("建议积分可以兑换电瓶车维修 比换洗衣粉实用", .rider).intent == .suggestion)
        #expect(p.parse("兑换时间是几点", .rider).directive == nil)
    }

    /// "捐赠 20": a whole positive amount, nothing else after it.
    @Test func donate() {
        for (text, amount) in [("捐赠 20", 20), ("捐赠20分", 20), ("捐 5 积分", 5), ("捐献 1", 1)] {
            let r = p.parse(text, .rider)
            #expect(r.directive == .donate && r.points?.amount == amount, "\(text)")
        }
        for text in ["捐赠 0", "捐赠", "看看有没有爱心人士捐赠", "捐赠 20 给张奶奶买护理床"] {
            #expect(p.parse(text, .member).directive == nil, "\(text)")
        }
    }

    /// "社情民意积分榜" / "志愿服务积分榜" name a board; "积分榜" leaves it to the group.
    @Test func leaderboardBoards() {
        #expect(p.parse("社情民意积分榜", .member).points?.board == .reports)
        #expect(p.parse("志愿服务积分榜", .rider).points?.board == .service)
        #expect(p.parse("志愿服务积分榜", .secretary).query == .leaderboard)
        let plain = p.parse("积分榜", .rider)
        #expect(plain.query == .leaderboard && plain.points == nil)
    }
}
