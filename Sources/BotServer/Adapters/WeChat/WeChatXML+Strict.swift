import Foundation

extension WeChatXML {
    /// Refuses what WeChat and WeCom never send, by bytes, before any XML parser sees the body: an
    /// encoding other than UTF-8 (invalid UTF-8, a NUL — UTF-16 text is full of them — or an
    /// `encoding` declaration naming another), and `<!` anywhere outside a CDATA section, which is how
    /// DOCTYPE, ENTITY and comments begin. Checking every `<!` rather than the prolog alone means no
    /// reading of the prolog can be fooled by a byte order or encoding the check did not expect.
    static func checkStrict(_ data: Data) throws(ParseError) {
        let bytes = [UInt8](data)
        guard String(validating: bytes, as: UTF8.self) != nil, !bytes.contains(0) else {
            throw .malformed("body is not UTF-8")
        }
        if let declared = declaredEncoding(bytes), !["utf-8", "utf8"].contains(declared.lowercased()) {
            throw .malformed("encoding \(declared) is not UTF-8")
        }
        let open = Array("<!".utf8)
        let cdataOpen = Array("<![CDATA[".utf8)
        let cdataClose = Array("]]>".utf8)
        var index = 0
        while let found = bytes.firstRange(of: open, from: index) {
            guard bytes.hasPrefix(cdataOpen, at: found) else { throw .declarationNotAllowed }
            // An unclosed CDATA section is left for the parser to call malformed.
            guard let close = bytes.firstRange(of: cdataClose, from: found + cdataOpen.count) else { return }
            index = close + cdataClose.count
        }
    }

    /// The `encoding` of a leading `<?xml … ?>` declaration, if it names one.
    private static func declaredEncoding(_ bytes: [UInt8]) -> String? {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        guard bytes.hasPrefix(Array("<?xml".utf8), at: start),
            let end = bytes.firstRange(of: Array("?>".utf8), from: start)
        else { return nil }
        let declaration = String(decoding: bytes[start..<end], as: UTF8.self)
        guard let key = declaration.range(of: "encoding") else { return nil }
        let rest = declaration[key.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return String(rest) }
        return String(rest.dropFirst().prefix { $0 != quote })
    }

    /// The text of the first `<Encrypt>` element, read by bytes so an unauthenticated envelope never
    /// reaches the XML parser: its signature is checked over this text first. The value is Base64,
    /// written bare or in one CDATA section.
    static func encryptedField(_ data: Data) throws(ParseError) -> String {
        let bytes = [UInt8](data)
        let open = Array("<Encrypt>".utf8)
        let close = Array("</Encrypt>".utf8)
        guard let start = bytes.firstRange(of: open, from: 0),
            let end = bytes.firstRange(of: close, from: start + open.count)
        else { throw .malformed("no <Encrypt> element") }
        var value = String(decoding: bytes[(start + open.count)..<end], as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        if value.hasPrefix("<![CDATA["), value.hasSuffix("]]>") {
            value = String(value.dropFirst(9).dropLast(3))
        }
        guard !value.isEmpty, value.utf8.allSatisfy(isBase64) else {
            throw .malformed("<Encrypt> is not Base64")
        }
        return value
    }

    private static func isBase64(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "="):
            true
        default: false
        }
    }
}

extension [UInt8] {
    /// Where `pattern` first starts at or after `from`.
    fileprivate func firstRange(of pattern: [UInt8], from: Int) -> Int? {
        guard !pattern.isEmpty, count >= pattern.count, from <= count - pattern.count else { return nil }
        var at = from
        while at <= count - pattern.count {
            if self[at] == pattern[0] && hasPrefix(pattern, at: at) { return at }
            at += 1
        }
        return nil
    }

    fileprivate func hasPrefix(_ pattern: [UInt8], at: Int) -> Bool {
        at >= 0 && count - at >= pattern.count && self[at..<(at + pattern.count)].elementsEqual(pattern)
    }
}
