import Testing

@testable import IntentParser

@Suite("Item references")
struct ItemRefTests {
    let p = Fixtures.parser

    func refs(_ s: String) -> [Int] {
        let h = p.hits(s)
        return p.refs.refs(in: h, covered: p.places.coveredRanges(h)).map(\.number)
    }

    /// "#12" and full-width "＃12".
    @Test func hash() {
        #expect(refs("认领#7 #8") == [7, 8])
        #expect(refs("＃12 已完成") == [12])
    }

    /// "12号" is an item.
    @Test func hao() {
        #expect(refs("12号处理到哪了") == [12])
        #expect(refs("十九号我来") == [19])
    }

    /// "12号楼", "12#楼", "12栋" are buildings, never items.
    @Test func buildingIsNotItem() {
        #expect(refs("12号楼那个井盖我来弄").isEmpty)
        #expect(refs("12#楼门口").isEmpty)
        #expect(refs("龙西12栋").isEmpty)
    }

    /// "编号12", "编号 9".
    @Test func bianhao() {
        #expect(refs("编号21 我干不了") == [21])
        #expect(refs("我领了 编号 9") == [9])
    }

    /// "第15单", "第二十四单".
    @Test func ordinalOrder() {
        #expect(refs("查一下第15单状态") == [15])
        #expect(refs("第二十四单我认了") == [24])
    }

    /// "9号单", "33号单".
    @Test func haoDan() {
        #expect(refs("33号单已解决") == [33])
    }

    /// A bare number right after a command word ("认领12", "认领:19", "认领 11 号").
    @Test func bareAfterCommand() {
        #expect(refs("认领12") == [12])
        #expect(refs("认领:19") == [19])
        #expect(refs("认领 11 号") == [11])
    }

    /// Counted numbers are not items ("已解决18条", "想要2个").
    @Test func countsAreNotItems() {
        #expect(refs("已解决18条").isEmpty)
        #expect(refs("想要两个台灯").isEmpty)
    }

    /// Addresses and dates are not items (龙西路15号, 3月5号).
    @Test func addressAndDate() {
        #expect(refs("龙西路15号门口").isEmpty)
        #expect(refs("3月5号之前").isEmpty)
    }

    /// A number inside a place name is not an item (二号驿站).
    @Test func placeName() {
        #expect(refs("二号驿站能不能加个充电柜").isEmpty)
    }

    /// A WeChat quote: the number in 「#N …」 is the item, the reply gives the intent.
    @Test func quote() {
        let r = p.parse("「#12 龙西小区12栋井盖松了」这个我来", .member)
        #expect(r.intent == .claim)
        #expect(r.itemRef == 12)
    }
}
