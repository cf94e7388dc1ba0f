import Foundation
import Testing

@testable import BotServer

@Suite struct WeChatXMLTests {
    @Test func readsCDATAWithMarkupQuotesEmojiAndNewlines() throws {
        let xml = """
            <xml>
              <Content><![CDATA[a < b && "c" 'd' 🚧
            第二行 </Content> <xml>]]></Content>
              <CreateTime>1718092861</CreateTime>
            </xml>
            """
        let fields = try WeChatXML.parse(xml)
        #expect(fields["Content"] == "a < b && \"c\" 'd' 🚧\n第二行 </Content> <xml>")
        #expect(fields["CreateTime"] == "1718092861")
    }

    @Test func resolvesEntitiesInPlainText() throws {
        let fields = try WeChatXML.parse("<xml><Content>a &lt; b &amp;&amp; &quot;c&quot; &#x1F6A7;</Content></xml>")
        #expect(fields["Content"] == "a < b && \"c\" 🚧")
    }

    @Test func joinsMixedTextAndCDATAAndKeepsEmptyValues() throws {
        let fields = try WeChatXML.parse("<xml><A>x<![CDATA[<y>]]>z</A><B><![CDATA[]]></B><C/></xml>")
        #expect(fields == ["A": "x<y>z", "B": "", "C": ""])
    }

    /// Nested elements (some events carry lists) are skipped, not refused.
    @Test func skipsNestedElements() throws {
        let fields = try WeChatXML.parse(
            "<xml><MsgType>event</MsgType><SendPicsInfo><Count>1</Count><PicList><item>x</item></PicList></SendPicsInfo></xml>"
        )
        #expect(fields["MsgType"] == "event")
        #expect(fields["SendPicsInfo"] == "")
        #expect(fields["Count"] == nil)
    }

    /// Malformed input throws, never crashes.
    @Test(arguments: [
        "", "   ", "not xml", "<xml>", "<xml><a></b></xml>", "<xml><a>1</a>", "<xml></xml><xml></xml>",
        "<xml><Content><![CDATA[abc", "<root><a>1</a></root>", "<xml><a>1</a><a>2</a></xml>",
        "<xml><a>&bogus;</a></xml>", "<xml><a>x</a></xml> trailing", "\u{0}\u{1}\u{2}",
        #"<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><xml><c>&b;</c></xml>"#,
        #"<!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]><xml><c>&x;</c></xml>"#,
        "\u{FEFF}<?xml version=\"1.0\"?>\n<!-- c --><!DOCTYPE xml><xml><c>1</c></xml>",
    ])
    func refusesMalformedDocuments(_ text: String) {
        #expect(throws: (any Error).self) { try WeChatXML.parse(text) }
    }

    /// A declaration is refused; the same text inside a message's CDATA is content.
    @Test func acceptsDeclarationLookalikesInsideText() throws {
        let xml =
            "\u{FEFF}<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xml><a><![CDATA[<!DOCTYPE x [<!ENTITY y \"z\">]>]]></a></xml>"
        #expect(try WeChatXML.parse(xml) == ["a": "<!DOCTYPE x [<!ENTITY y \"z\">]>"])
    }

    @Test func refusesInvalidUTF8() {
        var bytes = Array("<xml><a>".utf8)
        bytes += [0xff, 0xfe]
        bytes += Array("</a></xml>".utf8)
        #expect(throws: (any Error).self) { try WeChatXML.parse(Data(bytes)) }
    }

    /// `]]>` inside reply text is split across sections so it cannot end the CDATA early and
    /// inject elements; parsing gives back the exact text.
    @Test func builderKeepsCDATATerminatorsInsideTheText() throws {
        let evil = "a]]></Content><MsgType>image</MsgType><Content><![CDATA[b ]] > ]]]]>"
        let xml = WeChatXML.build([("MsgType", .text("text")), ("Content", .text(evil)), ("CreateTime", .number(7))])
        let fields = try WeChatXML.parse(xml)
        #expect(fields == ["MsgType": "text", "Content": evil, "CreateTime": "7"])
    }

    @Test func numbersAreBareAndOtherTextIsCDATA() {
        #expect(WeChatXML.Value.numberOrText("1718092861") == .number(1_718_092_861))
        #expect(WeChatXML.Value.numberOrText("12<a>") == .text("12<a>"))
        #expect(WeChatXML.Value.numberOrText("0012") == .text("0012"))
        #expect(WeChatXML.build([("A", .number(-1)), ("B", .text(""))]) == "<xml><A>-1</A><B><![CDATA[]]></B></xml>")
    }
}
