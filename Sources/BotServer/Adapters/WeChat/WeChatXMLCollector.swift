import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The XMLParser delegate behind `WeChatXML.parse`: gathers the text of each child of `<xml>`.
///
/// A class because XMLParser requires one; it lives only for one synchronous parse, so it is
/// never shared between tasks.
final class WeChatXMLCollector: NSObject, XMLParserDelegate {
    /// Children of the root, by name.
    private(set) var fields: [String: String] = [:]
    /// The first reason to refuse the document, which also stops the parser.
    private(set) var failure: WeChatXML.ParseError?
    /// Whether a root element was seen at all (an empty body parses to nothing).
    private(set) var sawRoot = false
    /// 0 outside the root, 1 inside `<xml>`, 2 inside a field, more inside nested elements.
    private(set) var depth = 0
    private var currentName: String?
    private var currentText = ""

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        depth += 1
        if depth == 1 {
            guard elementName == "xml" else { return fail(parser, .wrongRoot(elementName)) }
            sawRoot = true
        } else if depth == 2 {
            guard fields[elementName] == nil else { return fail(parser, .duplicateElement(elementName)) }
            currentName = elementName
            currentText = ""
        }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        if depth == 2, let name = currentName {
            fields[name] = currentText
            currentName = nil
        }
        depth -= 1
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        // Only a field's own text counts; whitespace between fields and nested text is layout.
        if depth == 2 { currentText += string }
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        guard depth == 2 else { return }
        guard let text = String(data: block, encoding: .utf8) else {
            return fail(parser, .malformed("CDATA is not UTF-8"))
        }
        currentText += text
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        if failure == nil { failure = .malformed("\(parseError)") }
    }

    func parser(
        _ parser: XMLParser, foundElementDeclarationWithName elementName: String, model: String
    ) {
        fail(parser, .declarationNotAllowed)
    }

    func parser(
        _ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?
    ) {
        fail(parser, .declarationNotAllowed)
    }

    func parser(
        _ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?,
        systemID: String?
    ) {
        fail(parser, .declarationNotAllowed)
    }

    func parser(
        _ parser: XMLParser, foundUnparsedEntityDeclarationWithName name: String, publicID: String?,
        systemID: String?, notationName: String?
    ) {
        fail(parser, .declarationNotAllowed)
    }

    func parser(
        _ parser: XMLParser, foundNotationDeclarationWithName name: String, publicID: String?, systemID: String?
    ) {
        fail(parser, .declarationNotAllowed)
    }

    func parser(
        _ parser: XMLParser, foundAttributeDeclarationWithName attributeName: String, forElement elementName: String,
        type: String?, defaultValue: String?
    ) {
        fail(parser, .declarationNotAllowed)
    }

    private func fail(_ parser: XMLParser, _ error: WeChatXML.ParseError) {
        if failure == nil { failure = error }
        parser.abortParsing()
    }
}
