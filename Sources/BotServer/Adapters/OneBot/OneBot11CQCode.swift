/// OneBot 11's string message format: text with `[CQ:type,key=value,…]` codes inside.
///
/// It is the spec's default `message_format`, so a bridge left on its defaults sends this instead of
/// segment arrays. Escapes (protocols.md §3.1): in text `&`→`&amp;`, `[`→`&#91;`, `]`→`&#93;`; inside
/// parameters also `,`→`&#44;`. A literal `[` in text is therefore always escaped, which is what makes
/// the first `]` after `[CQ:` the end of the code.
enum OneBot11CQCode {
    /// The segments of a CQ-code string. Text around codes becomes `text` segments (unescaped); anything
    /// that looks like a code but is malformed stays text, so a sloppy implementation loses nothing.
    static func parse(_ message: String) -> [OneBot11Segment] {
        // Every delimiter is ASCII and UTF-8 continuation bytes never are, so scanning bytes is safe
        // and avoids grapheme clustering joining `[` or `]` with a following combining mark.
        let bytes = Array(message.utf8)
        let opener = Array("[CQ:".utf8)
        var segments: [OneBot11Segment] = []
        var textStart = 0
        var index = 0

        func flushText(upTo end: Int) {
            guard end > textStart else { return }
            // Text runs are only ever cut by a well-formed code, so two never touch.
            segments.append(.text(unescape(String(decoding: bytes[textStart..<end], as: UTF8.self))))
        }

        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "["), bytes[index...].starts(with: opener),
                let close = bytes[(index + opener.count)...].firstIndex(of: UInt8(ascii: "]")),
                let segment = code(String(decoding: bytes[(index + opener.count)..<close], as: UTF8.self))
            {
                flushText(upTo: index)
                segments.append(segment)
                index = close + 1
                textStart = index
            } else {
                index += 1
            }
        }
        flushText(upTo: bytes.count)
        return segments
    }

    /// The CQ-code string for segments: the inverse of `parse` for everything v11 can express.
    static func render(_ segments: [OneBot11Segment]) -> String {
        segments.map { segment in
            if segment.type == "text" { return escape(segment.data["text"] ?? "") }
            let parameters = segment.data.sorted { $0.key < $1.key }
                .map { ",\($0.key)=\(escape($0.value, inParameter: true))" }
            return "[CQ:\(segment.type)\(parameters.joined())]"
        }.joined()
    }

    /// Escapes text for a CQ string; `inParameter` adds the comma escape parameters need.
    static func escape(_ text: String, inParameter: Bool = false) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "[": escaped += "&#91;"
            case "]": escaped += "&#93;"
            case "," where inParameter: escaped += "&#44;"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// Undoes `escape` in one left-to-right pass, so `&amp;#91;` becomes the text `&#91;` and not `[`.
    /// Unknown entities are left as they are: only these four are ever produced.
    static func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let entities: [(String, String)] = [("&amp;", "&"), ("&#91;", "["), ("&#93;", "]"), ("&#44;", ",")]
        // Scalar views throughout: a Character view could merge `&` with a neighbouring mark.
        var result = String.UnicodeScalarView()
        var rest = text.unicodeScalars[...]
        while let ampersand = rest.firstIndex(of: "&") {
            result.append(contentsOf: rest[..<ampersand])
            let tail = rest[ampersand...]
            if let (entity, character) = entities.first(where: { tail.starts(with: $0.0.unicodeScalars) }) {
                result.append(contentsOf: character.unicodeScalars)
                rest = tail.dropFirst(entity.unicodeScalars.count)
            } else {
                result.append("&")
                rest = tail.dropFirst()
            }
        }
        result.append(contentsOf: rest)
        return String(result)
    }

    /// One code's inside (`type,key=value,…`), or nil when it is not a well-formed code.
    private static func code(_ body: String) -> OneBot11Segment? {
        let parts = body.split(separator: ",", omittingEmptySubsequences: false)
        guard let type = parts.first, isValidName(type) else { return nil }
        var data: [String: String] = [:]
        for part in parts.dropFirst() {
            // The value may itself contain `=` (URLs with queries), so split at the first one only.
            guard let equals = part.firstIndex(of: "=") else { return nil }
            let key = part[..<equals]
            guard isValidName(key) else { return nil }
            data[String(key)] = unescape(String(part[part.index(after: equals)...]))
        }
        return OneBot11Segment(type: String(type), data: data)
    }

    /// Type and key names are ASCII words; extension types such as `wx.emoji` use dots and dashes.
    private static func isValidName(_ name: Substring) -> Bool {
        !name.isEmpty
            && name.unicodeScalars.allSatisfy { scalar in
                ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                    || "_.-".unicodeScalars.contains(scalar)
            }
    }
}
