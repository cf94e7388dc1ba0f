/// The answer to any OneBot action, v11 and v12 alike: `{"status","retcode","data","message","echo"}`.
///
/// v11 implementations explain failures in `msg`/`wording` (go-cqhttp) rather than `message`; all
/// three are read so the outbox's `last_error` says what went wrong.
struct OneBotActionResponse: Sendable, Equatable, Decodable {
    /// `ok`, `async` (v11: accepted, will run later), or `failed`.
    var status: String
    /// 0 for ok; v11 uses 1 for async; everything else is a failure code.
    var retcode: Int64
    /// The action's result (`message_id`, `url`, …).
    var data: JSONValue?
    /// The implementation's explanation, from `message`, `wording` or `msg`.
    var explanation: String?
    /// Our request's `echo`, returned unchanged.
    var echo: String?

    enum CodingKeys: String, CodingKey { case status, retcode, data, message, wording, msg, echo }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        status = try container.decode(String.self, forKey: .status)
        retcode = try container.oneBotInt64IfPresent(forKey: .retcode) ?? 0
        data = try container.decodeIfPresent(JSONValue.self, forKey: .data)
        explanation = [CodingKeys.message, .wording, .msg]
            .lazy.compactMap { try? container.decodeIfPresent(String.self, forKey: $0) }
            .first { !$0.isEmpty }
        echo = try? container.decodeIfPresent(String.self, forKey: .echo)
    }

    /// One line for logs and `ReplySendError.detail`.
    var summary: String {
        "status \(status), retcode \(retcode)" + (explanation.map { ": \($0)" } ?? "")
    }
}
