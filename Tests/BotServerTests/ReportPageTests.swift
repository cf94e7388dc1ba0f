import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@testable import BotServer
@testable import TaskBoard

/// `/board/report`: the 研判 report of last week by default, any past week or range of days on
/// request, its charts drawn, its numbers the same as Monday's message, and as CSV.
@Suite struct ReportPageTests {
    /// A week with one report verified on time and one left open, the board read the Monday after by `user`.
    static func afterAWeek(as user: String, _ body: @Sendable @escaping (BoardClient) async throws -> Void)
        async throws
    {
        let clock = ManualClock()
        try await withServer(
            platform: ReplyRecorder(), store: try BoardStore.inMemory(clock: clock.now), configure: BoardTests.configure
        ) { client, store in
            try await aWeek(client, store, clock)
            let board = BoardClient(client)
            _ = try await board.login(user, "pw-secret")
            try await body(board)
        }
    }

    static func aWeek(_ client: any TestClientProtocol, _ store: BoardStore, _ clock: ManualClock) async throws {
        try await BoardTests.submittedItem(client, store)
        try await client.postMessage(messageBody(id: "v1", sender: "sec-1", name: "王书记", text: "验收 #1"))
        #expect(try await eventually { try await store.read { tx in try tx.item(id: 1)?.status } == .closed })
        try await client.postMessage(messageBody(id: "r2", sender: "u-7", name: "叶强", text: "龙西小区3栋路灯不亮"))
        #expect(try await eventually { try await store.read { tx in try tx.item(id: 2) } != nil })
        clock.advance(seconds: 7 * 24 * 3600)
    }

    @Test func lastWeekByDefaultWithItsNumbersChartsAndChampions() async throws {
        try await Self.afterAWeek(as: "sec") { board in
            let page = try await board.get("/board/report")
            #expect(page.status == .ok)
            let html = page.html
            #expect(html.contains("研判报告 · 2026-01-05 至 2026-01-11"))
            #expect(html.contains(#"<div class="stat" id="report-report_reported"><div class="n">2</div>"#))
            #expect(html.contains(#"<div class="stat" id="report-report_closed"><div class="n">1</div>"#))
            #expect(html.contains(#"<div class="stat" id="report-report_on_time"><div class="n">100%</div>"#))
            #expect(html.contains("新收到 · 按类别"))
            #expect(html.contains(">井盖</text>"))
            #expect(html.contains(">路灯</text>"))
            #expect(html.contains("<strong>叶强</strong>"))
            #expect(html.contains("<strong>张三</strong>"))
            #expect(html.contains("/board/report?from=2025-12-29&amp;to=2026-01-04"))
            // The week under way is not a report yet: no link to it.
            #expect(!html.contains("id=\"report-next\""))
            #expect(html.contains("/board/report.csv?from=2026-01-05&amp;to=2026-01-11"))
            #expect(html.contains("/board/departments?from=2026-01-05&amp;to=2026-01-11"))
        }
    }

    @Test func anyRangeOfDaysAndItsCSV() async throws {
        try await Self.afterAWeek(as: "gw") { board in
            let before = try await board.get("/board/report?from=2025-12-01&to=2026-01-04")
            #expect(before.status == .ok)
            #expect(before.html.contains("研判报告 · 2025-12-01 至 2026-01-04"))
            #expect(before.html.contains(#"id="report-report_reported"><div class="n">0</div>"#))
            #expect(before.html.contains("这段时间没有记录。"))
            #expect(before.html.contains("id=\"report-next\""))

            let csv = try await board.get("/board/report.csv?from=2026-01-05&to=2026-01-11")
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            let lines = csv.html.split(separator: "\r\n").map(String.init)
            #expect(lines.first == "\u{FEFF}期间,部分,项目,数值")
            #expect(lines.contains("2026-01-05~2026-01-11,汇总,新收到,2"))
            #expect(lines.contains("2026-01-05~2026-01-11,汇总,按时办结率,100%"))
            #expect(lines.contains("2026-01-05~2026-01-11,新收到 · 按类别,井盖,1"))
            #expect(lines.contains { $0.hasPrefix("2026-01-05~2026-01-11,社情民意") && $0.contains(",叶强,") })

            for bad in ["from=2026-13-01", "from=2026-01-11&to=2026-01-05", "from=2024-01-01&to=2026-01-01"] {
                let refused = try await board.get("/board/report?\(bad)")
                #expect(refused.status == .badRequest, "\(bad)")
                #expect(refused.html.contains("日期写法不对"), "\(bad)")
            }
        }
    }
}
