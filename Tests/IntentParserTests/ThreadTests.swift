import Foundation
import Testing

@testable import IntentParser

@Suite("Threads")
struct ThreadTests {
    let p = Fixtures.parser

    typealias Key = (intent: String, category: String?, photos: Int)

    static func key(_ intent: String, _ category: String?, _ photos: Int) -> String {
        "\(intent)/\(category ?? "-")/\(photos)"
    }

    /// Every thread of threads.jsonl gives exactly the gold records (multiset of intent, category, photo count).
    @Test func corpusThreads() throws {
        var wrong: [String] = []
        for t in try Fixtures.jsonLines("threads.jsonl") {
            let messages = (t["messages"] as? [[String: Any]] ?? []).map { m in
                ThreadMessage(
                    sender: m["sender"] as? String ?? "",
                    role: SenderRole(rawValue: m["role"] as? String ?? "") ?? .unknown,
                    ts: (m["ts"] as? NSNumber)?.doubleValue ?? 0, text: m["text"] as? String ?? "",
                    attachments: Fixtures.attachments(m["attachments"]))
            }
            let gold = (t["expected_records"] as? [[String: Any]] ?? []).map {
                Self.key($0["intent"] as? String ?? "", $0["category"] as? String, ($0["photo_count"] as? Int) ?? 0)
            }.sorted()
            let got = p.records(for: messages).map {
                Self.key($0.result.intent.rawValue, $0.result.category?.rawValue, $0.photoCount)
            }.sorted()
            if gold != got { wrong.append("\(t["id"] ?? ""): \(gold) != \(got)") }
        }
        #expect(wrong.isEmpty, "\(wrong)")
    }

    /// A photo joins the same sender's text within the window and supplies nothing else.
    @Test func photoJoinsText() {
        let r = p.records(for: [
            ThreadMessage(sender: "a", role: .rider, ts: Int64(0), text: "", attachments: [.image(url: "x")]),
            ThreadMessage(sender: "a", role: .rider, ts: Int64(20), text: "广场路公交站旁边 井盖碎了"),
        ])
        #expect(
            r.count == 1 && r[0].photoCount == 1 && r[0].messageIndices == [0, 1] && r[0].result.photoURLs == ["x"])
    }

    /// Outside the window the photo stands alone as report/other.
    @Test func windowLimit() {
        let r = p.records(for: [
            ThreadMessage(sender: "a", role: .rider, ts: Int64(0), text: "", attachments: [.image(url: "x")]),
            ThreadMessage(sender: "a", role: .rider, ts: Int64(360), text: "芙蓉小区3栋门口路面塌了个坑"),
        ])
        #expect(r.map(\.photoCount) == [1, 0])
        #expect(r[0].result.category == .other && r[0].result.place == nil)
    }

    /// The window is a parameter.
    @Test func customWindow() {
        let msgs = [
            ThreadMessage(sender: "a", role: .rider, ts: Int64(0), text: "", attachments: [.image(url: "x")]),
            ThreadMessage(sender: "a", role: .rider, ts: Int64(360), text: "芙蓉小区3栋门口路面塌了个坑"),
        ]
        #expect(p.records(for: msgs, window: 400).count == 1)
    }

    /// Another sender's photo never merges.
    @Test func otherSender() {
        let r = p.records(for: [
            ThreadMessage(sender: "a", role: .rider, ts: Int64(0), text: "秦川花园北门消防通道被货车堵了"),
            ThreadMessage(sender: "b", role: .rider, ts: Int64(20), text: "", attachments: [.image(url: "x")]),
        ])
        #expect(r.count == 2 && r.map(\.sender) == ["a", "b"])
    }

    /// A photo next to the sender's thank-you belongs to the chat: no record.
    @Test func photoWithChat() {
        let r = p.records(for: [
            ThreadMessage(sender: "a", role: .rider, ts: Int64(0), text: "谢谢社区 路灯修好了"),
            ThreadMessage(sender: "a", role: .rider, ts: Int64(10), text: "", attachments: [.image(url: "x")]),
        ])
        #expect(r.isEmpty)
    }

    /// A location share supplies the place when the text names none.
    @Test func locationShare() {
        let r = p.records(for: [
            ThreadMessage(
                sender: "a", role: .rider, ts: Int64(0), text: "",
                attachments: [.location(lat: 30.27506, lon: 118.13596, label: "龙西小区(龙西路)")]),
            ThreadMessage(sender: "a", role: .rider, ts: Int64(30), text: "东门这个井盖没了"),
        ])
        #expect(r.count == 1 && r[0].result.place?.estate == "龙西小区" && r[0].result.place?.landmark == "东门")
    }

    /// "这里" sent apart from its photo is the photo's report.
    @Test func pointerText() {
        let r = p.records(for: [
            ThreadMessage(sender: "a", role: .rider, ts: Int64(0), text: "", attachments: [.image(url: "x")]),
            ThreadMessage(sender: "a", role: .rider, ts: Int64(8), text: "这里 有人看看吗"),
        ])
        #expect(r.count == 1 && r[0].result.intent == .report && r[0].photoCount == 1)
    }

    /// Records come in the time order of their first message.
    @Test func order() {
        let r = p.records(for: [
            ThreadMessage(sender: "a", role: .rider, ts: Int64(0), text: "", attachments: [.image(url: "x")]),
            ThreadMessage(sender: "b", role: .member, ts: Int64(5), text: "认领 #3"),
            ThreadMessage(sender: "a", role: .rider, ts: Int64(30), text: "龙西小区7栋楼道里全是纸箱子"),
        ])
        #expect(r.map(\.sender) == ["a", "b"])
    }
}
