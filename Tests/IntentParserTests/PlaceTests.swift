import Testing

@testable import IntentParser

@Suite("Places")
struct PlaceTests {
    let p = Fixtures.parser

    func place(_ s: String) -> Place { p.places.extract(p.hits(s)) }

    /// A gazetteer name gives the canonical name, its grid and coordinates.
    @Test func gazetteerName() {
        let pl = place("广场花苑5栋门口井盖碎了")
        #expect(pl.estate == "广场花苑" && pl.grid == "G1" && pl.building == "5")
        #expect(pl.lat != nil)
    }

    /// An alias resolves to the canonical name (锦园 → 世纪锦园, 新村 → 龙西新村).
    @Test func alias() {
        #expect(place("锦园6栋停水").estate == "世纪锦园")
        #expect(place("我是新村4栋的住户").estate == "龙西新村")
    }

    /// A homophone spelling resolves (龙溪小区 → 龙西小区).
    @Test func homophone() {
        #expect(place("龙溪小区20栋后头排水沟堵死了").estate == "龙西小区")
    }

    /// A traditional-character spelling resolves (龍西小區 → 龙西小区).
    @Test func traditional() {
        #expect(place("龍西小區8棟").estate == "龙西小区")
    }

    /// Longest match: 龙西小学 is a landmark, not the estate alias 龙西.
    @Test func longestMatch() {
        let pl = place("龙西小学门口积水")
        #expect(pl.estate == nil)
        #expect(pl.landmark == "龙西小学门口")
    }

    /// Two estates named: the first one.
    @Test func firstEstate() {
        #expect(place("宝氮二区跟秦川花园中间那道围墙裂了").estate == "宝氮二区")
    }

    /// An estate not in the gazetteer, by its suffix (金桂苑, 幸福里小区, 粮站宿舍).
    @Test func unknownBySuffix() {
        #expect(place("金桂苑门口垃圾桶满了").estate == "金桂苑")
        #expect(place("幸福里小区6栋1单元楼道里有人充电瓶车").estate == "幸福里小区")
        #expect(place("粮站宿舍那个老围墙倒了一截").estate == "粮站宿舍")
        #expect(place("和谐家园7栋下水管爆了").estate == "和谐家园")
    }

    /// A one-character name before a short ending keeps the 小区 after it: "东苑小区" is 东苑小区, while
    /// the 小区 after a full name adds nothing ("明佳花园小区" is 明佳花园).
    @Test func shortNameBeforeSuffixAndXiaoqu() {
        let pl = place("我居住在东苑小区9栋7楼，门口的楼道灯一直亮着")
        #expect(pl.estate == "东苑小区" && pl.building == "9")
        #expect(place("我是祺苑小区的业主").estate == "祺苑小区")
        #expect(place("明佳花园小区3栋门口积水").estate == "明佳花园")
    }

    /// A bare 城 and a phase after the name end an estate name by form; 城管 is not one.
    @Test func cityAndPhaseEndings() {
        #expect(place("融创城二期5栋门口井盖松了").estate == "融创城二期")
        #expect(place("万达城3栋楼道灯坏了").estate == "万达城")
        #expect(place("城管来了没有").estate == nil)
    }

    /// An unknown estate named right before a building number (阳光丽都2号楼).
    @Test func unknownBeforeBuilding() {
        let pl = place("阳光丽都2号楼门口老有车堵着")
        #expect(pl.estate == "阳光丽都" && pl.building == "2")
    }

    /// A generic word before a suffix is not an estate name (这个小区, 隔壁小区).
    @Test func genericIsNotEstate() {
        #expect(place("这个小区的路灯坏了").estate == nil)
        #expect(place("隔壁小区").estate == nil)
    }

    /// A landmark keeps its position word ("乖乖幼儿园背后"), a street is a landmark.
    @Test func landmarkWithPosition() {
        #expect(place("乖乖幼儿园背后下水道堵塞").landmark == "乖乖幼儿园背后")
        #expect(place("龙西路北段路灯全灭了").landmark == "龙西路北段")
    }

    /// A gate of an estate is its landmark (宝氮北门 → 北门).
    @Test func gate() {
        let pl = place("宝氮北门井盖塌了一角")
        #expect(pl.estate == "宝氮二区" && pl.landmark == "北门")
    }

    /// A shared location's label supplies the estate when the text names none.
    @Test func locationLabel() {
        let r = p.parse(
            "这儿 你们看看", .rider, [.image(url: "u"), .location(lat: 30.27136, lon: 118.14867, label: "丽景家园(宝华街)")])
        #expect(r.intent == .report && r.place?.estate == "丽景家园")
    }

    /// A shared location without a label resolves to the nearest estate within the radius.
    @Test func locationNearest() {
        let near = p.locations.nearest(lat: 30.2749, lon: 118.1363)
        #expect(near?.estate == "龙西小区")
        #expect(p.locations.nearest(lat: 30.30, lon: 118.20) == nil)
    }

    /// The text's own estate wins over the shared location's.
    @Test func textWinsOverLocation() {
        let r = p.parse("芙蓉小区3栋门口井盖坏了", .rider, [.location(lat: 30.2748, lon: 118.1362, label: "龙西小区")])
        #expect(r.place?.estate == "芙蓉小区")
    }

    /// Distances: about 111 m per 0.001° of latitude.
    @Test func distance() {
        let d = GeoDistance.meters(lat1: 30.0, lon1: 118.0, lat2: 30.001, lon2: 118.0)
        #expect(abs(d - 111.2) < 1)
    }

    /// A known name glued to more name characters is a longer unknown estate (嘉禾苑 is not 和苑, 阳光新村 not 龙西新村).
    @Test func longerUnknownName() {
        #expect(place("嘉禾苑9栋门口的下水道盖子被掀了").estate == "嘉禾苑")
        #expect(place("阳光新村3栋井盖坏了").estate == "阳光新村")
        #expect(place("我是新村4栋的住户").estate == "龙西新村")
    }

    /// An estate name stops at a word the lexicon knows ("建议龙西小区…" names 龙西小区).
    @Test func nameStopsAtWord() {
        #expect(place("建议龙西小区装几个高空抛物摄像头").estate == "龙西小区")
    }

    /// The place a bare answer names ("龙西小区12栋"), whatever the intent: completes an earlier report.
    @Test func placeOfABareAnswer() {
        let place = p.place(in: ParserInput(text: "龙西小区12栋"))
        #expect(place?.estate == "龙西小区")
        #expect(place?.building == "12")
        #expect(place?.grid == "G1")
        #expect(p.place(in: ParserInput(text: "好的谢谢")) == nil)
    }
}
