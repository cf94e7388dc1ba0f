import Testing

@testable import IntentParser

/// Rules added while checking the parser on messages written apart from dev (heldout_a.jsonl).
@Suite("Generalisation rules")
struct GeneralisationTests {
    let p = Fixtures.parser

    /// Pattern: item prefix + Chinese numeral ("编号二十三", "单号 十五") is an item number.
    @Test func numeralAfterItemPrefix() {
        #expect(p.normalized("编号二十三 我去处理") == "编号23 我去处理")
        #expect(p.normalized("单号 十五") == "单号 15")
        let r = p.parse("编号十七 我去处理", .member)
        #expect(r.intent == .claim && r.itemRef == 17)
    }

    /// Pattern: "<unknown name> <building-unit-room>" — one space between the name and its number.
    @Test func nameSpaceNumber() {
        let r = p.parse("杏花里 5-2-301门口楼道里有人给电瓶车充电")
        #expect(r.place?.estate == "杏花里" && r.place?.building == "5" && r.place?.unit == "2")
    }

    /// Pattern: a position word crossing the end of a longer estate name keeps the shorter name
    /// (…村村口, …宿舍楼下).
    @Test func positionWordCrossesSuffix() {
        #expect(p.parse("王庄村村口的路坑坑洼洼的").place?.estate == "王庄村")
        #expect(p.parse("林业宿舍楼下有人打架").place?.estate == "林业宿舍")
        #expect(p.parse("王庄村口的路坑坑洼洼的").place?.estate == "王庄村")
    }

    /// Pattern: new unknown-estate suffixes 湾 / 坊 (翡翠湾, 槐树坊).
    @Test func bayAndLaneSuffixes() {
        #expect(p.parse("翡翠湾门口垃圾桶满了 臭死了").place?.estate == "翡翠湾")
        #expect(p.parse("槐树坊门口井盖松了").place?.estate == "槐树坊")
    }

    /// Pattern: a problem word followed by a locative (上/里/旁…) is where the problem is: no first-mention bonus.
    @Test func locativeKeywordIsPlace() {
        #expect(p.parse("龙西新村5栋草坪上有狗屎 没人清理").category == .sanitation)
    }

    /// Pattern: second-problem markers (还有/另外/此外…): the category is the first problem's.
    @Test func secondProblemMarker() {
        #expect(p.parse("平东3栋下水管道又堵了 另外楼道灯也不亮").category == .drainage)
        #expect(p.parse("平东3栋下水管道又堵了 还有楼道灯也不亮").category == .drainage)
    }

    /// Pattern: a beneficiary + "想吃/想看/想买…" is a wish.
    @Test func wishDesireVerbs() {
        let r = p.parse("芙蓉小区的独居老人钱奶奶想看场电影", .secretary)
        #expect(r.intent == .wish && r.place?.estate == "芙蓉小区")
    }

    /// Pattern: "没领的/没接的/还没领" asks for open items (todo).
    @Test func todoUnclaimed() {
        let r = p.parse("还有没接的单子吗", .member)
        #expect(r.intent == .query && r.query == .todo)
    }

    /// Pattern: an offer with an adverb ("顺路去弄", "去弄一下") on a building's object is a claim without a number.
    @Test func offerWithAdverb() {
        let r = p.parse("5号楼那个垃圾桶我顺便去弄", .member)
        #expect(r.intent == .claim && r.itemRef == nil)
    }

    /// Pattern: a fix already scheduled ("已通知物业", "明天来修") and "大家别急" is chat.
    @Test func scheduledFixIsChat() {
        #expect(p.parse("路灯的事已通知物业了", .resident).intent == .chitchat)
        #expect(p.parse("井盖的事物业说明天过来修 大家别急", .secretary).intent == .chitchat)
    }

    /// Pattern: a rider's own vehicle trouble (爆胎, 车胎没气, 手机没电) is small talk.
    @Test func personalVehicleTrouble() {
        #expect(p.parse("车胎扎了又爆胎 倒霉", .rider).intent == .chitchat)
    }
}
