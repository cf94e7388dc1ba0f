import Foundation
import HummingbirdTesting
import Testing

@testable import BotServer
@testable import TaskBoard

/// 两个至少1次 — each year one community activity and one completed task: a member asks how theirs
/// stands, the calendar reminds in October and December those who are short, once per slot.
@Suite struct YearlyDutyTests {
    /// 2026-10-01 09:00 and 2026-12-01 09:00 in Beijing, from the manual clock's start (2026-01-05 08:00).
    static let october = 23_245_200.0
    static let december = 28_515_600.0

    @Test func aMemberAsksAndHearsWhatIsMissingUntilBothAreDone() async throws {
        let clock = ManualClock()
        let platform = ReplyRecorder()
        let store = try BoardStore.inMemory(clock: clock.now)
        try await withServer(platform: platform, store: store) { client, _ in
            try await SchedulerTests.reportAndClaim(client, platform)
            try await client.postMessage(
                messageBody(id: "q1", group: "members-1", sender: "m-1", name: "张三", text: "我的年度任务"))
            try await SchedulerTests.heard("张三 2026年「两个至少1次」：活动 0/1，任务 0/1。", platform)
            #expect(await platform.texts.last?.contains("还差：参加 1 次社区活动") == true)
            #expect(await platform.texts.last?.contains("还差：认领完成 1 项社区任务") == true)

            try await client.postMessage(
                messageBody(id: "d1", group: "members-1", sender: "m-1", name: "张三", text: "#1 完成"))
            try await SchedulerTests.heard("#1 已提交", platform)
            try await client.postMessage(messageBody(id: "v1", sender: "sec-1", name: "王书记", text: "验收 #1"))
            try await SchedulerTests.heard("验收通过", platform)
            try await store.write { tx in
                let member = try #require(try tx.member(platformID: "m-1"))
                let secretary = try #require(try tx.member(platformID: "sec-1"))
                _ = try tx.recordActivity(
                    memberID: member.id!, name: "社区环境整治", heldOn: tx.now, by: secretary.id!)
            }
            try await client.postMessage(
                messageBody(id: "q2", group: "members-1", sender: "m-1", name: "张三", text: "年度任务完成了吗"))
            try await SchedulerTests.heard("张三 2026年「两个至少1次」：活动 1/1，任务 1/1，已完成 ✅", platform)

            // A rider carries no such duty and is told what it is.
            try await client.postMessage(messageBody(id: "q3", sender: "u-7", name: "叶强", text: "我的年度任务"))
            try await SchedulerTests.heard("「两个至少1次」是在职党员的年度任务", platform)
        }
    }

    @Test func octoberAndDecemberRemindOnlyThoseShortOnceEachAlsoAcrossARestart() async throws {
        let clock = ManualClock()
        let platform = ReplyRecorder()
        let store = try BoardStore.inMemory(clock: clock.now)
        try await SchedulerTests.withCalendar(platform, store: store, jobs: [.yearlyDuty]) { client, scheduler in
            #expect(try await scheduler.runDue()[.yearlyDuty] == 0)
            for (id, name) in [("m-1", "张三"), ("m-2", "李四")] {
                try await client.postMessage(
                    messageBody(id: "r-\(id)", group: "members-1", sender: id, name: name, text: "报到 \(name)"))
            }
            try await SchedulerTests.heard("李四", platform)
            // 张三 attended an activity; 李四 did nothing; a rider and the secretary are never reminded.
            try await client.postMessage(messageBody(id: "x1", sender: "u-7", name: "叶强", text: "大家好"))
            try await client.postMessage(messageBody(id: "x2", sender: "sec-1", name: "王书记", text: "大家辛苦了"))
            #expect(try await eventually { try await store.read { tx in try tx.member(platformID: "sec-1") } != nil })
            try await store.write { tx in
                let member = try #require(try tx.member(platformID: "m-1"))
                let secretary = try #require(try tx.member(platformID: "sec-1"))
                _ = try tx.recordActivity(memberID: member.id!, name: "植树", heldOn: tx.now, by: secretary.id!)
            }

            clock.advance(seconds: Self.october - 60)
            #expect(try await SchedulerTests.replies(of: scheduler, platform).isEmpty)
            clock.advance(seconds: 60)
            let october = try await SchedulerTests.replies(of: scheduler, platform)
            #expect(october.count == 1)
            let reminder = try #require(october.first)
            #expect(reminder.reply.groupID == "members-1")
            #expect(reminder.reply.mentions == ["m-1", "m-2"])
            #expect(reminder.reply.text.hasPrefix("【年度任务提醒】"))
            #expect(reminder.reply.text.contains("张三：活动 1/1，任务 0/1"))
            #expect(reminder.reply.text.contains("李四：活动 0/1，任务 0/1"))
            clock.advance(seconds: 3600)
            #expect(try await scheduler.runDue()[.yearlyDuty] == nil)
        }
        // A restart in November sends nothing again; December's slot reminds once more.
        try await SchedulerTests.withCalendar(platform, store: store, jobs: [.yearlyDuty]) { _, scheduler in
            #expect(try await scheduler.runDue()[.yearlyDuty] == nil)
            clock.advance(seconds: Self.december - Self.october - 3600)
            let december = try await SchedulerTests.replies(of: scheduler, platform)
            #expect(december.count == 1)
            #expect(december.first?.reply.text.contains("李四：活动 0/1，任务 0/1") == true)
        }
        #expect(await platform.texts.filter { $0.hasPrefix("【年度任务提醒】") }.count == 2)
    }

    @Test func theSecretaryAsksForTheWeeklyReportARiderMayNot() async throws {
        let platform = ReplyRecorder()
        try await withServer(platform: platform) { client, _ in
            try await client.postMessage(messageBody(id: "w1", sender: "sec-1", name: "王书记", text: "周报"))
            try await SchedulerTests.heard("每周研判（", platform)
            #expect(await platform.received.last?.reply.mentions == ["sec-1"])
            try await client.postMessage(messageBody(id: "w2", sender: "u-7", name: "叶强", text: "周报"))
            try await SchedulerTests.heard("不能查看周报", platform)
        }
    }
}
