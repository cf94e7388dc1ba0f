import BoardBench
import Foundation
import Testing

@testable import TaskBoard

/// The benchmark's data: deterministic, valid under the schema, and spread the way the pages need.
@Suite("Benchmark seed")
struct BenchmarkSeedTests {
    static func seeded(_ seed: UInt64) async throws -> (BoardStore, BenchmarkSeed, [Item]) {
        let clock = TestClock()
        let store = try BoardStore.inMemory(clock: clock.now)
        let written = try await store.write { tx in try tx.seedBenchmarkItems(count: 2_000, seed: seed) }
        let items = try await store.read { tx in try tx.searchItems(ItemQuery(sort: .id, limit: 5_000)).items }
        return (store, written, items)
    }

    @Test("the same seed writes the same year of items, every kind and state")
    func deterministic() async throws {
        let (store, seed, items) = try await Self.seeded(7)
        let (_, _, again) = try await Self.seeded(7)
        let (_, _, other) = try await Self.seeded(8)
        #expect(items == again)
        #expect(items != other)
        #expect(seed.itemIDs == 1...2_000)
        #expect(items.count == 2_000)
        #expect(Set(items.map(\.kind)) == Set(ItemKind.allCases))
        #expect(Set(items.map(\.status)) == Set(ItemStatus.allCases))
        #expect(Set(items.compactMap(\.grid)).isSubset(of: Set(seed.grids)))
        #expect(items.allSatisfy { $0.createdAt <= TestClock.start })
        #expect(items.allSatisfy { $0.createdAt > TestClock.start.addingTimeInterval(-366 * 86400) })
        // And the pages have something to show
        let overview = try await store.read { tx in
            try tx.overview(weekStart: TestClock.start.addingTimeInterval(-7 * 86400), grids: nil)
        }
        #expect(overview.reportedThisWeek > 0)
        #expect(overview.champion != nil)
        let found = try await store.read { tx in try tx.searchItems(ItemQuery(text: "井盖")) }
        #expect(found.total > 0)
    }
}
