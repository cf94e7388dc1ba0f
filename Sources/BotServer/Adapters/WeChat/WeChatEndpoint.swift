import Foundation

/// What the webhook controller needs of an Official Account or a WeCom app: the URL check, a
/// pushed message, and the passive reply in the request's mode.
protocol WeChatEndpoint: Sendable {
    func urlCheck(query: [String: String], now: Int64) -> Result<String, WeChatRequestError>
    func message(query: [String: String], body: Data, now: Int64) -> Result<WeChatMessage, WeChatRequestError>
    func replyBody(to message: WeChatMessage, text: String, now: Int64, query: [String: String]) throws -> String
}

extension OfficialAccountEndpoint: WeChatEndpoint {}

extension WeComAppEndpoint: WeChatEndpoint {}
