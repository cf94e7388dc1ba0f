import Foundation
import HummingbirdTesting
import Synchronization
import Testing

@testable import BotServer
@testable import TaskBoard

/// The community's calendar, driven by a clock the test moves: each reminder is sent once, also
/// across a restart, a downtime is caught up once, and a stalled claim is released and offered again.
@Suite struct SchedulerTests {
    /// The scheduler the server built, handed to the test instead of started.
    final class Handle: Sendable {
        private let scheduler = Mutex<Scheduler?>(nil)
        func set(_ value: Scheduler) { scheduler.withLock { $0 = value } }
        var value: Scheduler { scheduler.withLock { $0! } }
    }

    static let hour = 3600.0

    /// A server on `store` whose calendar the test drives, with only the jobs a test names running.
    static func withCalendar(
        _ platform: ReplyRecorder, store: BoardStore, jobs: Set<Job>,
        configure: @escaping @Sendable (inout AppConfig) -> Void = { _ in },
        _ body: @Sendable @escaping (any TestClientProtocol, Scheduler) async throws -> Void
    ) async throws {
        let handle = Handle()
        try await withServer(
            platform: platform, store: store,
            configure: { config, _ in
                if !jobs.contains(.deadlines) { config.schedule.deadlines = "off" }
                if !jobs.contains(.overdueDigest) { config.schedule.overdueDigest = "off" }
                if !jobs.contains(.stalledClaims) { config.schedule.stalledClaims = "off" }
                if !jobs.contains(.weeklyReport) { config.schedule.weeklyReport = "off" }
                if !jobs.contains(.yearlyDuty) { config.schedule.yearlyDuty = "off" }
                if !jobs.contains(.wishPublication) { config.schedule.wishPublication = "off" }
                configure(&config)
            }, calendar: handle.set
        ) { client, _ in try await body(client, handle.value) }
    }

    /// A report in the riders' group, claimed in the members' group by a registered member: the item
    /// every test watches.
    static func reportAndClaim(_ client: some TestClientProtocol, _ platform: ReplyRecorder) async throws {
        try await client.postMessage(messageBody(id: "r1", sender: "u-7", name: "叶强", text: "龙西小区12栋窨井盖破损"))
        try await heard("已收到 #1", platform)
        try await client.postMessage(
            messageBody(id: "g1", group: "members-1", sender: "m-1", name: "张三", text: "报到 张三"))
        try await heard("报到成功", platform)
        try await client.postMessage(
            messageBody(id: "c1", group: "members-1", sender: "m-1", name: "张三", text: "认领 #1"))
        try await heard("#1 已由 张三 认领", platform)
    }

    static func heard(_ words: String, _ platform: ReplyRecorder) async throws {
        #expect(try await eventually { await platform.texts.contains { $0.contains(words) } }, "\(words)")
    }

    /// Runs the due jobs and returns what they sent, once delivered; what the chat queued before is
    /// delivered first, so it is not taken for the calendar's.
    static func replies(
        of scheduler: Scheduler, _ platform: ReplyRecorder
    ) async throws -> [ReplyRecorder.Received] {
        let store = scheduler.store
        #expect(try await eventually { try await store.read { tx in try tx.queue.outboxCount(status: .pending) } == 0 })
        let before = await platform.received.count
        let sent = try await scheduler.runDue().values.reduce(0, +)
        try await platform.waitFor(delivered: before + sent)
        return Array(await platform.received.dropFirst(before))
    }

    @Test func aClaimIsRemindedAtThreeQuartersThenOverdueOnceEach() async throws {
        let clock = ManualClock()
        let platform = ReplyRecorder()
        try await Self.withCalendar(platform, store: try BoardStore.inMemory(clock: clock.now), jobs: [.deadlines]) {
            client, scheduler in
            try await scheduler.runDue()
            try await Self.reportAndClaim(client, platform)

            // 72 hours to the deadline: at 54 hours the claimant hears how long is left, once.
            clock.advance(seconds: 55 * Self.hour)
            let reminders = try await Self.replies(of: scheduler, platform)
            #expect(reminders.count == 1)
            #expect(reminders.first?.reply.text.hasPrefix("#1 距办结时限还有 17 小时") == true)
            #expect(reminders.first?.reply.mentions == ["m-1"])
            #expect(reminders.first?.reply.groupID == "members-1")
            clock.advance(seconds: 60)
            #expect(try await scheduler.runNow(.deadlines) == 0)

            // Past the deadline: the claimant, the grid worker and the secretary are told, once.
            clock.advance(seconds: 18 * Self.hour)
            let notices = try await Self.replies(of: scheduler, platform)
            #expect(notices.count == 1)
            let overdue = try #require(notices.first)
            #expect(overdue.reply.text.hasPrefix("#1 已超期（井盖｜龙西小区12栋"))
            #expect(overdue.reply.text.contains("认领人 张三"))
            #expect(overdue.reply.mentions == ["m-1", "gw-1", "sec-1"])
            #expect(try await scheduler.runNow(.deadlines) == 0)
        }
    }

    @Test func anUnclaimedOverdueItemIsToldToTheMembersWhenNoStaffHasSpoken() async throws {
        let clock = ManualClock()
        let platform = ReplyRecorder()
        try await Self.withCalendar(platform, store: try BoardStore.inMemory(clock: clock.now), jobs: [.deadlines]) {
            client, scheduler in
            try await scheduler.runDue()
            try await client.postMessage(messageBody(id: "r1", sender: "u-7", name: "叶强", text: "龙西小区12栋窨井盖破损"))
            try await Self.heard("已收到 #1", platform)
            // Neither the grid worker nor the secretary has written in a group: the notice is not lost.
            clock.advance(seconds: 73 * Self.hour)
            let notices = try await Self.replies(of: scheduler, platform)
            #expect(notices.count == 1)
            #expect(notices.first?.reply.text.hasPrefix("#1 已超期（井盖｜龙西小区12栋") == true)
            #expect(notices.first?.reply.groupID == "members-1")
            #expect(notices.first?.reply.mentions == ["gw-1", "sec-1"])
        }
    }

    @Test func aRestartSendsNothingTwiceAndADowntimeIsCaughtUpOnce() async throws {
        let clock = ManualClock()
        let store = try BoardStore.inMemory(clock: clock.now)
        let platform = ReplyRecorder()
        let jobs: Set<Job> = [.deadlines, .overdueDigest]
        try await Self.withCalendar(platform, store: store, jobs: jobs) { client, scheduler in
            try await scheduler.runDue()
            try await Self.reportAndClaim(client, platform)
            clock.advance(seconds: 73 * Self.hour)
            // Overdue: one notice; the digest's slot (09:00) came too and lists the item in the members'
            // group, since the secretary has not spoken anywhere yet.
            let sent = try await Self.replies(of: scheduler, platform)
            #expect(sent.count == 2)
            #expect(sent.first { $0.reply.text.hasPrefix("今日逾期事项") }?.reply.groupID == "members-1")
            // Delivered and marked sent before the server stops, so the restart has nothing of it to resend.
            #expect(
                try await eventually { try await store.read { tx in try tx.queue.outboxCount(status: .pending) } == 0 })
        }
        let told = await platform.texts
        #expect(told.filter { $0.hasPrefix("#1 已超期") }.count == 1)
        #expect(told.filter { $0.hasPrefix("今日逾期事项 1 件") }.count == 1)

        // The server restarts on the same store after three days down: one digest, not three.
        clock.advance(seconds: 72 * Self.hour)
        let again = ReplyRecorder()
        try await Self.withCalendar(again, store: store, jobs: jobs) { _, scheduler in
            let ran = try await scheduler.runDue()
            #expect(ran[.overdueDigest] == 1)
            #expect(ran[.deadlines] == 0)
            try await again.waitFor(delivered: 1)
            #expect(try await scheduler.runDue().isEmpty)
        }
        let heard = await again.texts
        #expect(heard.count == 1, "\(heard)")
        #expect(await again.texts.first?.hasPrefix("今日逾期事项 1 件") == true)
    }

    @Test func aStalledClaimIsNudgedThenReleasedAndOfferedAgain() async throws {
        let clock = ManualClock()
        let store = try BoardStore.inMemory(clock: clock.now)
        let platform = ReplyRecorder()
        try await Self.withCalendar(platform, store: store, jobs: [.stalledClaims]) { client, scheduler in
            try await scheduler.runDue()
            try await Self.reportAndClaim(client, platform)
            clock.advance(seconds: 3 * 24 * Self.hour + 60)
            let nudges = try await Self.replies(of: scheduler, platform)
            #expect(nudges.count == 1)
            #expect(nudges.first?.reply.text.hasPrefix("#1（井盖｜龙西小区12栋）认领已 3 天没有进展") == true)
            #expect(nudges.first?.reply.mentions == ["m-1"])

            clock.advance(seconds: 24 * Self.hour)
            let released = try await Self.replies(of: scheduler, platform).map(\.reply)
            #expect(released.count == 2)
            #expect(released.first?.text.hasPrefix("#1（井盖｜龙西小区12栋）认领后 4 天没有进展，已重新开放认领") == true)
            #expect(released.last?.text.hasPrefix("#1 已重新开放认领：井盖｜龙西小区12栋") == true)
            #expect(released.last?.groupID == "members-1")
            let item = try await store.read { tx in try tx.item(id: 1) }
            #expect(item?.status == .open)
            #expect(item?.claimantID == nil)
            let events = try await store.read { tx in try tx.detail(itemID: 1)?.events ?? [] }
            #expect(events.last?.action == .released)
            #expect(events.last?.actorID == nil)

            // Released once; someone else may claim it now.
            #expect(try await scheduler.runNow(.stalledClaims) == 0)
        }
    }

    @Test func mondaysReportReviewsLastWeekAndThanksBothChampions() async throws {
        let clock = ManualClock()
        let platform = ReplyRecorder()
        try await Self.withCalendar(
            platform, store: try BoardStore.inMemory(clock: clock.now), jobs: [.weeklyReport]
        ) { client, scheduler in
            // Monday 08:00 on a new store: the first slot is only recorded.
            #expect(try await scheduler.runDue()[.weeklyReport] == 0)
            try await Self.reportAndClaim(client, platform)
            clock.advance(seconds: Self.hour)
            try await client.postMessage(
                messageBody(id: "d1", group: "members-1", sender: "m-1", name: "张三", text: "#1 完成", images: []))
            try await Self.heard("#1 已提交", platform)
            try await client.postMessage(messageBody(id: "v1", sender: "sec-1", name: "王书记", text: "验收 #1"))
            try await Self.heard("验收通过", platform)

            // The next Monday at 09:00: the week reviewed, to the secretary, and each champion thanked.
            clock.advance(seconds: 7 * 24 * Self.hour)
            let sent = try await Self.replies(of: scheduler, platform)
            #expect(sent.count == 3)
            let report = try #require(sent.first { $0.reply.text.hasPrefix("每周研判") })
            #expect(report.reply.text.contains("每周研判（1月5日–1月11日）"))
            #expect(report.reply.text.contains("新收到 1 件，办结 1 件，按时办结率 100%。"))
            #expect(report.reply.text.contains("按类别：井盖 1"))
            #expect(report.reply.text.contains("按网格：第一网格 1"))
            #expect(report.reply.text.contains("目前没有超期事项。"))
            #expect(report.reply.text.contains("社情民意积分冠军：叶强"))
            #expect(report.reply.text.contains("志愿服务积分冠军：张三"))
            #expect(report.reply.mentions == ["sec-1"])
            let thanks = sent.filter { $0.reply.text.hasPrefix("上周") }
            #expect(Set(thanks.map(\.reply.mentions)) == [["u-7"], ["m-1"]])
            #expect(thanks.first { $0.reply.mentions == ["m-1"] }?.reply.groupID == "members-1")
        }
    }

    @Test(arguments: [
        ("09:00", "2026-01-05 08:30", "2026-01-04 09:00", "2026-01-05 09:00"),
        ("MON 09:00", "2026-01-07 12:00", "2026-01-05 09:00", "2026-01-12 09:00"),
        ("every 10m", "2026-01-05 08:35", "2026-01-05 08:30", "2026-01-05 08:40"),
        ("10-01 12-01 09:00", "2026-11-15 12:00", "2026-10-01 09:00", "2026-12-01 09:00"),
        ("10-01 12-01 09:00", "2026-03-01 12:00", "2025-12-01 09:00", "2026-10-01 09:00"),
        ("02-29 09:00", "2026-03-01 12:00", "2024-02-29 09:00", "2028-02-29 09:00"),
    ])
    func slotsFollowTheCommunitysClock(spec: String, now: String, latest: String, next: String) throws {
        let config = AppConfig()
        let time = try #require(JobTime(spec))
        let instant = try #require(config.parse(now, pattern: "yyyy-MM-dd HH:mm"))
        let slot = try #require(time.latestSlot(atOrBefore: instant, in: config.calendar))
        #expect(config.format(slot, pattern: "yyyy-MM-dd HH:mm") == latest)
        let following = try #require(time.nextSlot(after: instant, in: config.calendar))
        #expect(config.format(following, pattern: "yyyy-MM-dd HH:mm") == next)
    }

    @Test func aTypoInTheScheduleNamesItsKey() throws {
        var config = AppConfig()
        config.schedule.overdueDigest = "9点"
        #expect(throws: ConfigError.self) { try config.validate() }
        #expect(JobTime("off") == .off)
        #expect(JobTime("every 0m") == nil)
        #expect(JobTime("FRI 25:00") == nil)
    }
}
