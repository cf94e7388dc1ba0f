import Foundation

/// A OneBot 12 action request, `{"action","params","echo"}`: what we POST to the implementation, and
/// what a webhook response body lists.
///
/// Params are JSON values because every action has its own; the builders below produce the two we use.
struct OneBot12Action: Sendable, Equatable, Codable {
    /// `send_message`, `get_file`, …
    var action: String
    /// The action's parameters.
    var params: [String: JSONValue]
    /// Echoed back in the response; lets a log line tie the answer to the request.
    var echo: String?

    /// `send_message` posting `text` into `chatID` (a group id, or `private:<user_id>`), @-mentioning
    /// `mentions` first. The text starts with a space after a mention, as the vector's does.
    static func sendMessage(chatID: String, text: String, mentions: [String], echo: String?) -> OneBot12Action {
        var params: [String: JSONValue]
        var segments: [OneBot12Segment] = []
        switch OneBotChatID(chatID) {
        case .group(let groupID):
            params = ["detail_type": .string("group"), "group_id": .string(groupID)]
            var seen = Set<String>()
            segments = mentions.filter { !$0.isEmpty && seen.insert($0).inserted }.map(OneBot12Segment.mention)
        case .privateUser(let userID):
            // An @ inside a one-to-one chat shows as stray text, so private replies carry none.
            params = ["detail_type": .string("private"), "user_id": .string(userID)]
        }
        if !text.isEmpty {
            segments.append(.text(segments.isEmpty || text.first?.isWhitespace == true ? text : " " + text))
        }
        params["message"] = .array(segments.map(\.json))
        return OneBot12Action(action: "send_message", params: params, echo: echo)
    }

    /// `send_message` for an outbox reply.
    static func sendMessage(reply: OutboundReply, echo: String?) -> OneBot12Action {
        sendMessage(chatID: reply.groupID, text: reply.text, mentions: reply.mentions, echo: echo)
    }

    /// `get_file` asking for a URL; the response's `data.url` is where the implementation serves the file.
    static func getFile(fileID: String, echo: String?) -> OneBot12Action {
        OneBot12Action(
            action: "get_file", params: ["file_id": .string(fileID), "type": .string("url")], echo: echo)
    }

    /// A fresh echo; `fc-` marks our requests in the implementation's logs.
    static func newEcho() -> String {
        "fc-" + UUID().uuidString.lowercased()
    }

    /// The request as JSON bytes.
    func jsonBody() throws -> Data {
        try JSONEncoder().encode(self)
    }

    /// A webhook response body (a JSON array of actions, run in order by the implementation); answer 200
    /// with it, or 204 with no body when there is nothing to do.
    static func webhookResponseBody(_ actions: [OneBot12Action]) throws -> Data {
        try JSONEncoder().encode(actions)
    }
}
