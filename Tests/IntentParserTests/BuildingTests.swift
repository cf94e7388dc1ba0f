import Testing

@testable import IntentParser

@Suite("Building, unit, room")
struct BuildingTests {
    let p = Fixtures.parser

    func numbers(_ s: String) -> BuildingNumbers { BuildingExtractor().extract(p.hits(s)) }

    /// 12栋 / 12号楼 / 12幢 / 12#楼 / 十二栋 all give building 12.
    @Test func buildingForms() {
        for s in ["龙西12栋", "龙西12号楼", "鑫茂12幢", "平东12#楼", "龙西十二栋"] {
            #expect(numbers(s).building == "12", "\(s)")
        }
    }

    /// "12-2-301" → 12 / 2 / 301.
    @Test func dashedTriple() {
        let n = numbers("龙西小区12-2-301独居的张奶奶")
        #expect(n.building == "12" && n.unit == "2" && n.room == "301")
    }

    /// "2-2楼道" → 2 / 2.
    @Test func dashedPair() {
        let n = numbers("世纪锦园2-2楼道有人放了个旧冰箱")
        #expect(n.building == "2" && n.unit == "2" && n.room == nil)
    }

    /// "2单元", "一单元" → unit; "1单元201" → room 201 after a unit.
    @Test func unitAndRoom() {
        #expect(numbers("芙蓉4栋一单元楼道").unit == "1")
        let n = numbers("丽景4栋1单元201 一个人住")
        #expect(n.building == "4" && n.unit == "1" && n.room == "201")
    }

    /// "301室" → room.
    @Test func roomMarker() {
        #expect(numbers("3栋2单元301室").room == "301")
    }

    /// A floor ("三楼", "一楼") is not a building.
    @Test func floorIsNotBuilding() {
        #expect(numbers("从三楼窗户拉电线").building == nil)
        #expect(numbers("鑫茂12幢1单元一楼楼道").building == "12")
    }

    /// An item number (#12) is not a building.
    @Test func itemIsNotBuilding() {
        #expect(numbers("#12 已完成").building == nil)
    }
}

/// Numbers typed into the board's forms read as the parser stores them.
@Suite struct FormNumberTests {
    @Test(arguments: [
        ("12栋", "12"), ("12", "12"), ("十二栋", "12"), ("１２号楼", "12"), ("3单元", "3"), (" 7 幢 ", "7"), ("A座", "A座"),
    ])
    func formNumbers(typed: String, stored: String) {
        #expect(Fixtures.parser.formNumber(typed) == stored)
    }

    @Test func emptyIsNil() {
        #expect(Fixtures.parser.formNumber("  ") == nil)
        #expect(Fixtures.parser.formNumber(nil) == nil)
    }
}
