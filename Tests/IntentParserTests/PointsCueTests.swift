import Testing

@testable import IntentParser

/// The points commands read the cue table like every other recogniser: the lexicon's words, found
/// once in the scan of the message, written in any form clean-up reads (traditional, full-width).
@Suite("Points commands from the cue table")
struct PointsCueTests {
    @Test func theWordsAreTheLexiconsAndFoundAsCues() throws {
        var lexicon = try Fixtures.loadLexicon()
        lexicon.commands.adopt = ["采用"]
        lexicon.commands.exchange = ["换购"]
        lexicon.commands.donate = ["献出"]
        lexicon.queries.reportsBoard = ["问题"]
        lexicon.queries.serviceBoard = ["服务"]
        let parser = IntentParser(lexicon: lexicon, gazetteer: try Fixtures.loadGazetteer())
        #expect(parser.parse("采用 #15", .secretary).directive == .adopt)
        #expect(parser.parse("采纳 #15", .secretary).directive == nil)
        #expect(parser.parse("换购 @叶强 洗衣液", .secretary).points == PointsRequest(member: "叶强", goods: "洗衣液"))
        #expect(parser.parse("兑换 @叶强 洗衣液", .secretary).directive == nil)
        #expect(parser.parse("献出 20", .rider).points?.amount == 20)
        #expect(parser.parse("问题积分榜", .member).points?.board == .reports)
        #expect(parser.parse("服务积分榜", .rider).points?.board == .service)
        #expect(parser.parse("社情民意积分榜", .member).points == nil)
    }

    @Test func aCueWrittenInAnotherFormStillOpensTheCommand() {
        let written = Fixtures.parser.parse("兌換 ＠叶强 洗衣液", .secretary)
        #expect(written.directive == .exchange)
        #expect(written.points == PointsRequest(member: "叶强", goods: "洗衣液"))
        #expect(Fixtures.parser.parse("捐贈 20", .rider).points?.amount == 20)
    }
}
