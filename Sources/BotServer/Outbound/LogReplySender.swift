import Logging

/// With no outbound URL configured, a reply is one readable log line, so the loop is visible.
struct LogReplySender: ReplySender {
    var logger: Logger

    func send(_ reply: OutboundReply) async throws {
        let mentions = reply.mentions.map { "@\($0)" }.joined(separator: " ")
        let oneLine = reply.text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ⏎ ")
        logger.notice(
            "reply [\(reply.channel)/\(reply.groupID)] \(mentions.isEmpty ? "" : mentions + " ")\(oneLine)")
    }
}
