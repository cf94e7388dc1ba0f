import Foundation
import GRDB

// Deterministic bulk data for benchmarking the board (`fengchao bench board`): a district's year of
// reports, written straight into the tables, since the commands can only write "now" and would
// take minutes for 100,000 items.
extension BoardTransaction {
    /// Categories of the seeded issues.
    static let benchmarkCategories = [
        "窨井盖破损", "垃圾桶损坏", "下水道堵塞", "消防通道堵塞", "树枝倒伏", "乱堆乱放", "路灯损坏", "违章停车",
        "道路破损", "噪音扰民", "占道经营", "墙面脱落",
    ]

    /// Writes `count` items reported over the year before `now` — every kind and state, 12
    /// categories, 20 grids, 60 estates — with the timeline events and ledger entries the commands
    /// would have written, so every page has realistic work to do. The same `seed` and `now` write
    /// the same items. Members are upserted under platform ids `bench-…`, so seeding twice adds
    /// items, not people. Meant for a scratch database: the items look real on a live board.
    public func seedBenchmarkItems(count: Int, seed: UInt64 = 1) throws -> BenchmarkSeed {
        precondition(count > 0, "seed at least one item")
        return try atomically {
            var random = SeededGenerator(seed: seed)
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

            let insertItem = try db.cachedStatement(
                sql: """
                    INSERT INTO items (kind, category, estate, building, landmark, grid, lat, lon, text, status,
                      reporter_id, claimant_id, created_at, claimed_at, submitted_at, closed_at, due_at,
                      duplicate_of, escalated_to)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            let insertEvent = try db.cachedStatement(
                sql: "INSERT INTO timeline_events (item_id, actor_id, action, at) VALUES (?, ?, ?, ?)")
            let insertEntry = try db.cachedStatement(
                sql:
                    "INSERT INTO ledger (member_id, board, delta, reason, item_id, created_at) VALUES (?, ?, ?, ?, ?, ?)"
            )
            var itemID: Int64 = 0
            func pay(_ member: Int64, _ board: PointsBoard, _ delta: Int, _ reason: LedgerReason, _ at: Double) throws {
                guard delta != 0 else { return }
                try insertEntry.execute(arguments: [member, board, delta, reason, itemID, at])
            }

            let year = 365.0 * 86400
            let end = Self.seconds(now)
            // Sorted, so item numbers grow with time as they do on a live board.
            let createdTimes = (0..<count).map { _ in (end - Double.random(in: 1..<year, using: &random)).rounded() }
                .sorted()
            var firstID: Int64?
            var lastID: Int64 = 0
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
                let checker = checkers.randomElement(using: &random) ?? secretary

                // Older items are mostly settled, recent ones mostly still in hand.
                let age = end - created
                let settled = Double.random(in: 0..<1, using: &random) < min(0.97, age / (14 * 86400))
                let fate = Double.random(in: 0..<1, using: &random)
                let took = (Double.random(in: 0.05..<1, using: &random) * min(age, 14 * 86400)).rounded()
                let status: ItemStatus
                var (claimantID, claimedAt, submittedAt, closedAt): (Int64?, Double?, Double?, Double?) = (
                    nil, nil, nil, nil
                )
                var (duplicateOf, escalatedTo): (Int64?, String?) = (nil, nil)
                var settledBy: (TimelineAction, Int64)?
                if settled {
                    if fate < 0.90 || (fate >= 0.95 && lastID == 0) {
                        status = .closed
                        closedAt = created + took
                        if Double.random(in: 0..<1, using: &random) < 0.3 {
                            escalatedTo = "街道办"
                            settledBy = (.resolved, secretary)
                        } else {
                            (claimantID, claimedAt, submittedAt) = (
                                claimant, created + took * 0.3, created + took * 0.9
                            )
                            settledBy = (.verified, checker)
                        }
                    } else if fate < 0.95 {
                        status = .cancelled
                        closedAt = created + took
                        settledBy = (.cancelled, secretary)
                    } else {
                        status = .merged
                        duplicateOf = lastID
                        settledBy = (.merged, checker)
                    }
                } else {
                    switch fate {
                    case ..<0.45: status = .open
                    case ..<0.70:
                        status = .claimed
                        (claimantID, claimedAt) = (claimant, created + took * 0.5)
                    case ..<0.82:
                        status = .submitted
                        (claimantID, claimedAt, submittedAt) = (claimant, created + took * 0.3, created + took * 0.9)
                    default:
                        status = .escalated
                        escalatedTo = "街道办"
                    }
                }

                try insertItem.execute(arguments: [
                    kind, category, estate, building, landmark, grid,
                    located ? 22.72 + Double.random(in: 0..<0.05, using: &random) : nil,
                    located ? 114.24 + Double.random(in: 0..<0.05, using: &random) : nil,
                    text, status, reporter, claimantID, created, claimedAt, submittedAt, closedAt,
                    created + Double(deadlineHours(for: kind)) * 3600, duplicateOf, escalatedTo,
                ])
                itemID = db.lastInsertedRowID
                firstID = firstID ?? itemID
                lastID = itemID
                try insertEvent.execute(arguments: [itemID, reporter, TimelineAction.created, created])
                if let (action, actor) = settledBy {
                    try insertEvent.execute(arguments: [itemID, actor, action, closedAt ?? created + took])
                }
                if kind.paysReporter {
                    try pay(reporter, .reports, rules.reportAccepted, .reportAccepted, created)
                    if status == .closed, let closedAt {
                        try pay(reporter, .reports, rules.reportVerified, .reportVerified, closedAt)
                    }
                    if status == .merged {
                        try pay(reporter, .reports, -rules.reportAccepted, .duplicate, created + took)
                    }
                }
                if status == .closed, let claimantID, let closedAt {
                    try pay(claimantID, .service, rules.taskVerified, .taskVerified, closedAt)
                }
            }
            return BenchmarkSeed(
                itemIDs: (firstID ?? 1)...lastID, categories: Self.benchmarkCategories, grids: grids, estates: estates,
                secretaryID: secretary)
        }
    }
}
