import Foundation
import Synchronization

/// With `FENGCHAO_TRANSCRIPT=<file>` set, the end-to-end tests write their conversation there as it
/// happens — each message in, each board click, each reply out, by group — so a behaviour's test can
/// be read (and quoted) as the chat it is. Unset, it does nothing.
enum TranscriptLog {
    private static let path = ProcessInfo.processInfo.environment["FENGCHAO_TRANSCRIPT"]
    private static let lock = Mutex(())

    /// A message posted to the webhook, as its group sees it.
    static func message(_ body: Data) {
        guard path != nil, let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else { return }
        let sender = object["sender"] as? [String: Any]
        let who = (sender?["name"] as? String).map { "\($0)(\(sender?["id"] ?? ""))" } ?? "\(sender?["id"] ?? "")"
        let photos = (object["attachments"] as? [Any])?.count ?? 0
        let text = (object["text"] as? String) ?? ""
        write("→ [\(object["group_id"] ?? "")] \(who): \(text)\(photos > 0 ? " [照片 ×\(photos)]" : "")")
    }

    /// A form posted on the board by the logged-in user.
    static func board(_ uri: String, _ fields: [(String, String)]) {
        guard path != nil, !uri.hasSuffix("/login") else { return }
        let shown = fields.filter { $0.0 != "csrf" }.map { "\($0.0)=\($0.1)" }.joined(separator: " ")
        write("⎆ [board] POST \(uri)\(shown.isEmpty ? "" : " " + shown)")
    }

    /// A reply the platform delivered.
    static func reply(group: String, text: String, mentions: [String], image: String?) {
        guard path != nil else { return }
        let named = mentions.map { "@\($0) " }.joined()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n      ")
        write("← [\(group)] \(named)\(lines)\(image.map { " [图片 \($0)]" } ?? "")")
    }

    private static func write(_ line: String) {
        guard let path else { return }
        lock.withLock { _ in
            let data = Data((line + "\n").utf8)
            if let handle = FileHandle(forWritingAtPath: path) {
                handle.seekToEndOfFile()
                handle.write(data)
                try? handle.close()
            } else {
                _ = FileManager.default.createFile(atPath: path, contents: data)
            }
        }
    }
}
