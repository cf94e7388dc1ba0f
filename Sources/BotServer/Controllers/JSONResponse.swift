import Foundation
import Hummingbird

/// JSON bodies for the webhook and API answers, in snake_case with ISO 8601 dates.
enum JSONResponse {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        // One rule for every body: `memberID` goes out as `member_id`; keys already in snake_case stay.
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let data = try encoder.encode(value)
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// `{"ok":false,"error":"…"}` with the given status.
    static func error(_ status: HTTPResponse.Status, _ message: String) -> Response {
        (try? make(ErrorBody(ok: false, error: message), status: status))
            ?? Response(status: status)
    }

    struct ErrorBody: Encodable {
        var ok: Bool
        var error: String
    }
}
