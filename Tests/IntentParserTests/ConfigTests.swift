import Testing
import Yams

@testable import IntentParser

@Suite("Lexicon and gazetteer loading")
struct ConfigTests {
    /// gazetteer.yaml decodes with every field (snake_case keys, optional fields).
    @Test func gazetteer() throws {
        let g = try Fixtures.loadGazetteer()
        #expect(g.community.name == "龙西社区" && g.community.streetOffice == "龙西街道")
        #expect(g.grids.map(\.id) == ["G1", "G2", "G3", "G4"])
        #expect(g.grids[0].gridMember == "网格员 王芳")
        #expect(g.allEstates.count == 16)
        #expect(g.grid(ofEstate: "森工")?.id == "G1")
        #expect(g.grid(ofEstate: "鑫茂东苑")?.id == "G3")
        #expect(g.estate(named: "宝氮2区")?.note != nil)
        #expect(g.landmarks.contains { $0.name == "乖乖幼儿园" && $0.grid == "G1" })
        #expect(g.streets.first { $0.name == "龙西路" }?.grids == ["G1", "G4"])
    }

    /// config/lexicon.yaml decodes and every category has keywords.
    @Test func lexicon() throws {
        let l = try Fixtures.loadLexicon()
        for c in Category.allCases { #expect(!(l.categories.keywords[c.rawValue] ?? [:]).isEmpty, "\(c)") }
        #expect(Set(l.categories.priority) == Set(Category.allCases.map(\.rawValue)))
        #expect(!l.commands.claimStrong.isEmpty && !l.normalization.traditional.isEmpty)
    }

    /// Every section is optional: an empty YAML is an empty lexicon, and the parser still runs.
    @Test func emptyLexicon() throws {
        let l = try YAMLDecoder().decode(Lexicon.self, from: "version: 1\n")
        #expect(l == Lexicon.empty)
        let parser = IntentParser(lexicon: l, gazetteer: try Fixtures.loadGazetteer())
        #expect(parser.parse(ParserInput(text: "认领 #12")).intent == .chitchat)
    }

    /// Inside a section or a place any list may be left out or written as null: it reads as empty, the
    /// rest as written.
    @Test func partialSectionsAndPlaces() throws {
        let l = try YAMLDecoder().decode(
            Lexicon.self,
            from: "commands:\n  claim_strong: [认领]\n  release: null\nplace:\n  name_stop_chars: 在的\n")
        #expect(l.commands.claimStrong == ["认领"] && l.commands.release.isEmpty && l.commands.surnames.isEmpty)
        #expect(l.place.nameStopChars == "在的" && l.place.estateSuffixes.isEmpty && l.wish == Lexicon.Wish())
        let g = try YAMLDecoder().decode(
            Gazetteer.self,
            from: "community: {name: 测试社区}\ngrids:\n  - id: G1\n    name: 第一网格\n    estates:\n      - name: 甲小区\n")
        #expect(g.community.aliases.isEmpty && g.landmarks.isEmpty && g.streets.isEmpty)
        #expect(g.grids[0].estates[0].name == "甲小区" && g.grids[0].estates[0].aliases.isEmpty)
        #expect(g.grids[0].estates[0].gates.isEmpty)
    }

    /// The radius for shared locations can be set at init.
    @Test func radius() throws {
        let tight = IntentParser(
            lexicon: try Fixtures.loadLexicon(), gazetteer: try Fixtures.loadGazetteer(), locationRadiusMeters: 10)
        #expect(tight.locations.nearest(lat: 30.2752, lon: 118.1362) == nil)
        #expect(Fixtures.parser.locations.nearest(lat: 30.2752, lon: 118.1362)?.estate == "龙西小区")
    }
}
