import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled. A field that
/// starts like a formula is prefixed with an apostrophe so a spreadsheet does not run text from a
/// group message as a formula.
struct CSVWriter {
    private(set) var text = "\u{FEFF}"

    mutating func row(_ fields: [String]) {
        text += fields.map(Self.escape).joined(separator: ",") + "\r\n"
    }

    static func escape(_ field: String) -> String {
        var value = field
        if let first = value.first, "=+-@\t\r".contains(first), Double(value) == nil { value = "'" + value }
        guard value.contains(where: { ",\"\r\n".contains($0) }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func response(_ text: String, filename: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/csv; charset=utf-8"
        headers[.contentDisposition] = "attachment; filename=\"\(filename)\""
        HTMLResponse.addSecurityHeaders(&headers)
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
