import Testing

@testable import BotServer

/// The CQ-code string format (protocols.md §3.1): codes, text around them, and the escapes.
@Suite struct OneBot11CQCodeTests {
    /// Plain text with no code is one text segment.
    @Test func plainText() {
        #expect(OneBot11CQCode.parse("龙西小区12栋窨井盖破损") == [.text("龙西小区12栋窨井盖破损")])
        #expect(OneBot11CQCode.parse("").isEmpty)
    }

    /// Text before, between and after codes keeps its order and whitespace.
    @Test func textAroundCodes() {
        let segments = OneBot11CQCode.parse("前 [CQ:at,qq=123] 中[CQ:face,id=14]后 ")
        #expect(
            segments == [
                .text("前 "), .at("123"), .text(" 中"), OneBot11Segment(type: "face", data: ["id": "14"]), .text("后 "),
            ])
    }

    /// Escaped brackets and ampersands in text come back as themselves and do not open a code.
    @Test func escapesInText() {
        #expect(OneBot11CQCode.parse("a&#91;CQ:at,qq=1&#93;b &amp; c") == [.text("a[CQ:at,qq=1]b & c")])
    }

    /// `&#44;` in a parameter is a comma inside the value, not a separator; `=` after the first is value.
    @Test func commasAndEqualsInParameters() {
        let segments = OneBot11CQCode.parse("[CQ:location,lat=22.7,lon=114.2,title=龙西&#44;12栋,content=x=y&amp;z]")
        #expect(
            segments == [
                OneBot11Segment(
                    type: "location", data: ["lat": "22.7", "lon": "114.2", "title": "龙西,12栋", "content": "x=y&z"])
            ])
    }

    /// An image URL with a query string keeps its `&` and `=` once unescaped.
    @Test func imageURLWithQuery() {
        let segments = OneBot11CQCode.parse("[CQ:image,file=a.image,url=https://h/p?x=1&amp;y=2]")
        #expect(segments == [OneBot11Segment(type: "image", data: ["file": "a.image", "url": "https://h/p?x=1&y=2"])])
    }

    /// Unknown and parameterless codes are kept with their type, so nothing is lost or refused.
    @Test func unknownCodes() {
        #expect(OneBot11CQCode.parse("[CQ:shake]") == [OneBot11Segment(type: "shake")])
        #expect(
            OneBot11CQCode.parse("[CQ:wx.emoji,file_id=9]x")
                == [OneBot11Segment(type: "wx.emoji", data: ["file_id": "9"]), .text("x")])
    }

    /// Malformed codes stay text: an unclosed code, an empty type, a parameter without `=`.
    @Test func malformedCodesStayText() {
        #expect(OneBot11CQCode.parse("[CQ:at,qq=1") == [.text("[CQ:at,qq=1")])
        #expect(OneBot11CQCode.parse("[CQ:,qq=1]ok") == [.text("[CQ:,qq=1]ok")])
        #expect(OneBot11CQCode.parse("[CQ:at,qq]") == [.text("[CQ:at,qq]")])
        #expect(OneBot11CQCode.parse("[CQ:at,qq=1][CQ:bad type]") == [.at("1"), .text("[CQ:bad type]")])
    }

    /// Unescaping is one pass: `&amp;#91;` is the text `&#91;`, and unknown entities are left alone.
    @Test func unescapeIsSinglePass() {
        #expect(OneBot11CQCode.unescape("&amp;#91;") == "&#91;")
        #expect(OneBot11CQCode.unescape("&#91;&#93;&#44;&amp;") == "[],&")
        #expect(OneBot11CQCode.unescape("&lt; & &#") == "&lt; & &#")
    }

    /// Text escapes leave commas alone; parameter escapes do not.
    @Test func escaping() {
        #expect(OneBot11CQCode.escape("[a],&b") == "&#91;a&#93;,&amp;b")
        #expect(OneBot11CQCode.escape("[a],&b", inParameter: true) == "&#91;a&#93;&#44;&amp;b")
    }

    /// Rendering and parsing are inverses for awkward content.
    @Test func renderThenParseRoundTrips() {
        let segments: [OneBot11Segment] = [
            .at("all"), .text(" [注意] a,b & c "),
            OneBot11Segment(type: "location", data: ["title": "x,[y]&z", "lat": "1", "lon": "2"]), .text("👍🏽"),
        ]
        #expect(OneBot11CQCode.parse(OneBot11CQCode.render(segments)) == segments)
    }

    /// A combining mark right after `]` must not hide the bracket (the parser works on bytes, not characters).
    @Test func combiningMarkAfterCode() {
        #expect(OneBot11CQCode.parse("[CQ:at,qq=1]\u{301}x") == [.at("1"), .text("\u{301}x")])
    }
}
