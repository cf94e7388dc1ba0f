import Foundation
import Testing

@testable import BotServer

/// The one "any JSON" value the adapters and the tests read through.
@Suite struct JSONValueTests {
    private func decode(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    /// An id never passes through `Double`; a fraction does.
    @Test func integersStayExact() throws {
        let value = try decode(#"{"id":9007199254740993,"lat":22.5,"ok":true,"none":null}"#)
        #expect(value["id"] == .integer(9_007_199_254_740_993))
        #expect(value["lat"] == .double(22.5))
        #expect(value["ok"]?.bool == true)
        #expect(value["none"] == .null)
        #expect(value["missing"] == nil)
    }

    /// `number` reads numbers only; `double` and `lenientString` also accept the other spelling.
    @Test func accessorsSayHowStrictTheyAre() throws {
        let value = try decode(#"{"n":3,"s":"3","b":false}"#)
        #expect(value["n"]?.number == 3 && value["s"]?.number == nil)
        #expect(value["s"]?.double == 3 && value["s"]?.int64 == 3)
        #expect(value["n"]?.lenientString == "3" && value["b"]?.lenientString == "false")
        #expect(value["n"]?.string == nil && value["b"]?.bool == false)
    }

    @Test func encodingRoundTrips() throws {
        let value = try decode(#"{"a":[1,2.5,"x",null,{"b":true}]}"#)
        #expect(try decode(String(decoding: JSONEncoder().encode(value), as: UTF8.self)) == value)
    }
}
