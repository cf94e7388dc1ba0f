import Foundation
import IntentParser
import TaskBoard

// Deterministic bulk data for benchmarking the board (`fengchao bench board`): a district's year of
// reports, written through the board's own commands, each acting at its moment in the year, so the
// items, timeline events and ledger entries are what the commands write — the point rules included.
extension BoardTransaction {
    /// Categories of the seeded issues.
    static let benchmarkCategories = [
        "窨井盖破损", "垃圾桶损坏", "下水道堵塞", "消防通道堵塞", "树枝倒伏", "乱堆乱放", "路灯损坏", "违章停车",
        "道路破损", "噪音扰民", "占道经营", "墙面脱落",
    ]

    /// Files `count` items reported over the year before `now` — every kind and state, 12
    /// categories, 20 grids, 60 estates — and moves each through the commands its fate needs, so every
    /// page has realistic work to do. The same `seed` and `now` write the same items. Members are
    /// upserted under platform ids `bench-…`, so seeding twice adds items, not people. Meant for a
    /// scratch database: the items look real on a live board.
    public func seedBenchmarkItems(count: Int, seed: UInt64 = 1) throws -> BenchmarkSeed {
        precondition(count > 0, "seed at least one item")
        var random = SplitMix64(seed: seed)
        let grids = (1...20).map { String(format: "网格%02d", $0) }
        let estates = ["龙西", "龙东", "盛平", "爱联", "五联", "回龙", "新联", "南联", "大运", "双龙", "坪地", "横岗"]
            .flatMap { prefix in ["花园", "新村", "雅苑", "家园", "公寓"].map { prefix + $0 } }
        let landmarks = ["东门", "西门", "篮球场", "菜市场", "公交站", "幼儿园", "停车场", "垃圾站"]
        let remarks = ["请尽快处理", "有安全隐患", "已经好几天了", "影响通行", "晚上很危险", "居民反映多次"]

        func ids(_ prefix: String, _ n: Int, _ role: MemberRole, grid: (Int) -> String?) throws -> [Int64] {
            try (1...n).map { i in
                let member = try upsertMember(
                    platformID: "bench-\(prefix)-\(i)", name: "\(prefix)\(i)", role: role, grid: grid(i))
                return member.id ?? 0
            }
        }
        let riders = try ids("rider", 200, .rider) { grids[$0 % grids.count] }
        let members = try ids("member", 100, .member) { grids[$0 % grids.count] }
        let checkers = try ids("grid", grids.count, .gridWorker) { grids[$0 - 1] }
        let secretary = try ids("secretary", 1, .secretary) { _ in nil }[0]
        // The grid worker of the item's grid acts for the community there; the secretary everywhere else.
        func supervisor(_ grid: String?) -> Int64 {
            grid.flatMap { grids.firstIndex(of: $0) }.map { checkers[$0] } ?? secretary
        }

        let year = 365.0 * 86400
        let end = now.timeIntervalSince1970
        // Sorted, so item numbers grow with time as they do on a live board.
        let createdTimes = (0..<count).map { _ in (end - Double.random(in: 1..<year, using: &random)).rounded() }
            .sorted()
        var firstID: Int64?
        var lastID: Int64 = 0
        // Per grid, the newest item a duplicate can be merged into (neither merged nor cancelled):
        // a grid worker merges within the own grid.
        var originals: [String: Int64] = [:]
        for created in createdTimes {
            let roll = Double.random(in: 0..<1, using: &random)
            let kind: ItemKind = roll < 0.85 ? .issue : roll < 0.93 ? .suggestion : .wish
            let hasEstate = Double.random(in: 0..<1, using: &random) < 0.9
            let estateIndex = Int.random(in: 0..<estates.count, using: &random)
            let estate = hasEstate ? estates[estateIndex] : nil
            let grid: String? =
                hasEstate
                ? grids[estateIndex % grids.count]
                : (Bool.random(using: &random) ? grids.randomElement(using: &random) : nil)
            let building =
                Double.random(in: 0..<1, using: &random) < 0.7
                ? "\(Int.random(in: 1...30, using: &random))" : nil
            let landmark =
                Double.random(in: 0..<1, using: &random) < 0.2 ? landmarks.randomElement(using: &random) : nil
            let located = Double.random(in: 0..<1, using: &random) < 0.3
            let category: String? =
                kind == .issue && Double.random(in: 0..<1, using: &random) < 0.95
                ? Self.benchmarkCategories.randomElement(using: &random) : nil
            let place = (estate ?? "") + (building ?? "") + (landmark ?? "")
            let remark = remarks.randomElement(using: &random) ?? ""
            let text =
                switch kind {
                case .issue: "\(place)\(category ?? "有问题")，\(remark)"
                case .suggestion: "建议\(place)增加照明和座椅，\(remark)"
                case .wish: "\(place)独居老人家里水龙头坏了，希望有人帮忙修理"
                }
            let reporter = riders.randomElement(using: &random) ?? riders[0]
            let claimant = members.randomElement(using: &random) ?? members[0]
            let lat = located ? 22.72 + Double.random(in: 0..<0.05, using: &random) : nil
            let lon = located ? 114.24 + Double.random(in: 0..<0.05, using: &random) : nil

            let filed = try at(Date(timeIntervalSince1970: created)).createItem(
                NewItem(
                    kind: kind, category: category,
                    location: Location(
                        estate: estate, building: building, landmark: landmark, grid: grid, lat: lat, lon: lon),
                    text: text, reporterID: reporter))
            guard let itemID = filed.item.id else { preconditionFailure("filed item without id") }
            firstID = firstID ?? itemID
            lastID = itemID

            // Older items are mostly settled, recent ones mostly still in hand.
            let age = end - created
            let settled = Double.random(in: 0..<1, using: &random) < min(0.97, age / (14 * 86400))
            let fate = Double.random(in: 0..<1, using: &random)
            let took = (Double.random(in: 0.05..<1, using: &random) * min(age, 14 * 86400)).rounded()
            let escalated = Double.random(in: 0..<1, using: &random) < 0.3
            let step = BenchmarkSteps(
                tx: self, itemID: itemID, created: created, took: took, claimant: claimant,
                supervisor: supervisor(grid))
            let settledAs: ItemStatus
            if settled {
                if fate < 0.90 || (fate >= 0.95 && originals[grid ?? ""] == nil) {
                    try escalated ? step.escalateAndResolve() : step.claimSubmitVerify()
                    settledAs = .closed
                } else if fate < 0.95 {
                    try step.cancel()
                    settledAs = .cancelled
                } else {
                    try step.merge(into: originals[grid ?? ""] ?? itemID)
                    settledAs = .merged
                }
            } else {
                switch fate {
                case ..<0.45: settledAs = .open
                case ..<0.70:
                    try step.claim(at: 0.5)
                    settledAs = .claimed
                case ..<0.82:
                    try step.claim(at: 0.3)
                    try step.submit()
                    settledAs = .submitted
                default:
                    try step.escalate(at: 1)
                    settledAs = .escalated
                }
            }
            if settledAs != .merged, settledAs != .cancelled { originals[grid ?? ""] = itemID }
        }
        return BenchmarkSeed(
            itemIDs: (firstID ?? 1)...lastID, categories: Self.benchmarkCategories, grids: grids, estates: estates,
            secretaryID: secretary)
    }
}
