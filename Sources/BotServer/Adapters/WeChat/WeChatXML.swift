import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reading and writing the flat `<xml>…</xml>` documents WeChat and WeCom exchange.
///
/// WeChat messages are one level deep, so a dictionary of the root's children is all the
/// adapters need; XMLParser (libxml2 on Linux) does the CDATA, entity and encoding work.
enum WeChatXML {
    /// Why a body was not a WeChat XML document. Never thrown for valid XML with odd content.
    enum ParseError: Error, Equatable, Sendable, CustomStringConvertible {
        /// The parser gave up; the string is its reason.
        case malformed(String)
        /// The document element is not `<xml>`.
        case wrongRoot(String)
        /// A child of `<xml>` appears twice, so which value counts would be ambiguous.
        case duplicateElement(String)
        /// DTDs and entity declarations are never sent by WeChat and are an expansion/XXE risk.
        case declarationNotAllowed

        var description: String {
            switch self {
            case .malformed(let reason): "malformed XML: \(reason)"
            case .wrongRoot(let name): "root element is <\(name)>, expected <xml>"
            case .duplicateElement(let name): "element <\(name)> appears more than once"
            case .declarationNotAllowed: "XML declarations (DTD, entities) are not accepted"
            }
        }
    }

    /// The text of each direct child of `<xml>`, by element name.
    ///
    /// CDATA and plain text are joined as written and entities are resolved; deeper elements
    /// (some event types nest lists) are skipped rather than refused.
    static func parse(_ data: Data) throws -> [String: String] {
        // FoundationXML traps on an element name that is not UTF-8 (found by `fengchao fuzz wechat_xml`),
        // and on Linux it does not report DTD declarations to the delegate: the bytes are checked first.
        try checkStrict(data)
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        let collector = WeChatXMLCollector()
        parser.delegate = collector
        let ok = parser.parse()
        if let failure = collector.failure { throw failure }
        guard ok, collector.sawRoot, collector.depth == 0 else {
            throw ParseError.malformed(parser.parserError.map { "\($0)" } ?? "incomplete document")
        }
        return collector.fields
    }

    /// `parse(_:)` for a String body.
    static func parse(_ text: String) throws -> [String: String] {
        try parse(Data(text.utf8))
    }

    /// How a value is written into reply XML.
    enum Value: Sendable, Equatable {
        /// In CDATA, as WeChat writes strings.
        case text(String)
        /// Bare, as WeChat writes `CreateTime` and `AgentID`; an integer cannot break out of its element.
        case number(Int64)

        /// Bare when `string` is all digits, CDATA otherwise: for echoing query values such as
        /// a timestamp that the platform sent as text.
        static func numberOrText(_ string: String) -> Value {
            if let number = Int64(string), String(number) == string { return .number(number) }
            return .text(string)
        }
    }

    /// `<xml>` with one child per pair, in order. Names come from our code, never from input.
    static func build(_ fields: [(name: String, value: Value)]) -> String {
        var out = "<xml>"
        for (name, value) in fields {
            out += "<\(name)>"
            switch value {
            case .text(let text): out += cdata(text)
            case .number(let number): out += String(number)
            }
            out += "</\(name)>"
        }
        return out + "</xml>"
    }

    /// A CDATA section holding `text` exactly, even when it contains `]]>`.
    ///
    /// `]]>` would end the section early and let user text inject elements, so it is split
    /// across two sections (`]]` ends one, `>` starts the next), which parsers join back.
    static func cdata(_ text: String) -> String {
        "<![CDATA[" + text.replacingOccurrences(of: "]]>", with: "]]]]><![CDATA[>") + "]]>"
    }
}
