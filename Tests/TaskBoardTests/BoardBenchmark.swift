import Foundation
import GRDB
import Testing

@testable import TaskBoard

/// The board's queries at a district's scale (100,000 items), timed and printed, not asserted:
/// run with `FENGCHAO_BENCH=1 swift test --filter BoardBenchmark`.
@Suite("Board benchmark", .enabled(if: ProcessInfo.processInfo.environment["FENGCHAO_BENCH"] == "1"))
struct BoardBenchmark {
    @Test("list, search, overdue and overview at 100,000 items")
    func hundredThousandItems() async throws {
        // FENGCHAO_BENCH_DIR keeps the seeded database for the next run (and for the sqlite3 shell).
        let kept = ProcessInfo.processInfo.environment["FENGCHAO_BENCH_DIR"]
        let directory =
            kept
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("taskboard-bench-\(UUID().uuidString)")
            .path
        defer { if kept == nil { try? FileManager.default.removeItem(atPath: directory) } }
        let clock = TestClock()
        let store = try BoardStore.open(directory: directory, clock: clock.now)
        let seedStart = ContinuousClock.now
        try await store.write { tx in
            if try tx.searchItems(ItemQuery(limit: 0)).total == 0 {
                _ = try tx.seedBenchmarkItems(count: 100_000, seed: 42)
            }
        }
        print("bench seed 100000 items: \(ContinuousClock.now - seedStart)")
        // Values the seed is known to use.
        let (category, grid, estate) = ("窨井盖破损", "网格01", "龙西花园")
        let weekStart = clock.now().addingTimeInterval(-7 * 86400)

        func time<T: Sendable>(_ label: String, _ body: @escaping @Sendable (BoardTransaction) throws -> T) async throws
        {
            _ = try await store.read(body)
            var runs: [Duration] = []
            var result: T?
            for _ in 0..<7 {
                let start = ContinuousClock.now
                result = try await store.read(body)
                runs.append(ContinuousClock.now - start)
            }
            runs.sort()
            let summary: String =
                switch result {
                case let page as ItemPage: "rows \(page.items.count) total \(page.total)"
                case let count as Int: "n \(count)"
                default: ""
                }
            print("bench \(label): median \(runs[runs.count / 2]) min \(runs[0]) \(summary)")
        }

        try await time("default list (newest, 50 + total)") { tx in try tx.searchItems(ItemQuery()) }
        try await time("default list page 100 (offset 4950)") { tx in try tx.searchItems(ItemQuery(offset: 4950)) }
        try await time("filtered list (status open+claimed, category, grid)") { tx in
            try tx.searchItems(ItemQuery(statuses: [.open, .claimed], category: category, grids: [grid]))
        }
        try await time("filtered list (status closed, category, grid)") { tx in
            try tx.searchItems(ItemQuery(statuses: [.closed], category: category, grids: [grid]))
        }
        try await time("category only") { tx in try tx.searchItems(ItemQuery(category: category)) }
        try await time("estate only") { tx in try tx.searchItems(ItemQuery(estate: estate)) }
        try await time("kind wish") { tx in try tx.searchItems(ItemQuery(kinds: [.wish])) }
        try await time("grid only") { tx in try tx.searchItems(ItemQuery(grids: [grid])) }
        try await time("claimant") { tx in
            let claimant = try tx.member(platformID: "bench-member-1")?.id
            return try tx.searchItems(ItemQuery(claimantID: claimant))
        }
        try await time("text 井盖 (2 chars, LIKE)") { tx in try tx.searchItems(ItemQuery(text: "井盖")) }
        try await time("text 不存 (2 chars, LIKE, no match)") { tx in try tx.searchItems(ItemQuery(text: "不存")) }
        try await time("text 水龙头 (trigram)") { tx in try tx.searchItems(ItemQuery(text: "水龙头")) }
        try await time("text 龙西花园 (trigram)") { tx in try tx.searchItems(ItemQuery(text: "龙西花园")) }
        try await time("text 不存在的词 (trigram, no match)") { tx in try tx.searchItems(ItemQuery(text: "不存在的词")) }
        try await time("text #54321") { tx in try tx.searchItems(ItemQuery(text: "#54321")) }
        try await time("text 井盖 + grid worker's grid") { tx in try tx.searchItems(ItemQuery(grids: [grid], text: "井盖"))
        }
        try await time("overdue") { tx in try tx.searchItems(ItemQuery(overdue: true)) }
        try await time("overdue, due soonest") { tx in try tx.searchItems(ItemQuery(overdue: true, sort: .dueSoonest)) }
        try await time("recently closed") { tx in try tx.searchItems(ItemQuery(sort: .recentlyClosed)) }
        try await time("created last 30 days") { tx in
            try tx.searchItems(ItemQuery(createdFrom: tx.now.addingTimeInterval(-30 * 86400)))
        }
        try await time("overview (community)") { tx in try tx.overview(weekStart: weekStart, grids: nil) }
        try await time("overview (one grid)") { tx in try tx.overview(weekStart: weekStart, grids: [grid]) }
        try await time("export all rows (cursor)") { tx in
            var n = 0
            try tx.forEachItem(matching: ItemQuery()) { _ in n += 1 }
            return n
        }
        try await time("member summaries") { tx in
            try tx.memberSummaries(yearStart: tx.now.addingTimeInterval(-365 * 86400), grids: nil).count
        }
        try await time("ledger export (cursor)") { tx in
            var n = 0
            try tx.forEachLedgerEntry(since: nil, until: nil) { _, _ in n += 1 }
            return n
        }
        try await time("items missing place") { tx in try tx.itemsMissingPlace(limit: 50).count }

        // The alternatives for text search, measured on the same rows.
        try await store.writer.read { db in
            for (label, sql) in [
                (
                    "LIKE count",
                    "SELECT COUNT(*) FROM items WHERE text LIKE '%井盖%' OR estate LIKE '%井盖%' OR building LIKE '%井盖%' OR landmark LIKE '%井盖%'"
                ),
                (
                    "instr count",
                    "SELECT COUNT(*) FROM items WHERE instr(text, '井盖') OR instr(estate, '井盖') OR instr(building, '井盖') OR instr(landmark, '井盖')"
                ),
                ("full scan count", "SELECT COUNT(*) FROM items WHERE text <> ''"),
            ] {
                var runs: [Duration] = []
                var n = 0
                for _ in 0..<5 {
                    let start = ContinuousClock.now
                    n = try Int.fetchOne(db, sql: sql) ?? 0
                    runs.append(ContinuousClock.now - start)
                }
                print("bench sql \(label): median \(runs.sorted()[2]) n \(n)")
            }
            for (label, sql) in [
                ("default", "SELECT * FROM items ORDER BY created_at DESC, id DESC LIMIT 50"),
                (
                    "filtered",
                    "SELECT * FROM items WHERE status IN ('open','claimed') AND category = 'x' AND grid IN ('g') ORDER BY created_at DESC, id DESC LIMIT 50"
                ),
                (
                    "overdue",
                    "SELECT * FROM items WHERE status IN ('open','claimed','submitted','escalated') AND due_at < 1 ORDER BY created_at DESC, id DESC LIMIT 50"
                ),
                ("closed week", "SELECT COUNT(*) FROM items WHERE closed_at >= 1 AND status = 'closed'"),
                ("reported week", "SELECT COUNT(*), SUM(status = 'closed') FROM items WHERE created_at >= 1"),
                ("estate", "SELECT * FROM items WHERE estate = 'x' ORDER BY created_at DESC, id DESC LIMIT 50"),
            ] {
                let plan = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }
                print("bench plan \(label): \(plan.joined(separator: " | "))")
            }
        }
        // Whether this SQLite offers FTS5 with the trigram tokenizer at all.
        let fts = try DatabaseQueue()
        let version = try await fts.write { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE t USING fts5(x, tokenize='trigram')")
            return try String.fetchOne(db, sql: "SELECT sqlite_version()") ?? ""
        }
        print("bench sqlite \(version): fts5 trigram available")
    }
}
