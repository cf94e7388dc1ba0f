import Foundation
import Testing

@testable import BotServer
@testable import TaskBoard

/// `deadlines:` — hours to the 办结时限 per kind and per category: the receipt says the due time the
/// category gives, the calendar reminds by it, a typo names its key.
@Suite struct DeadlineTests {
    static func load(_ yaml: String) throws -> AppConfig {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/f.yaml"
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return try AppConfig.load(path: path, environment: [:])
    }

    @Test func aCategorysHoursReplaceTheIssueDefault() async throws {
        let clock = ManualClock()
        let platform = ReplyRecorder()
        var rules = PointRules()
        rules.categoryDeadlineHours = ["manhole": 24]
        rules.issueDeadlineHours = 48
        let store = try BoardStore.inMemory(rules: rules, clock: clock.now)
        try await withServer(platform: platform, store: store) { client, _ in
            // The clock starts on Monday 2026-01-05 08:00 in the community's zone.
            try await client.postMessage(messageBody(id: "r1", sender: "u-7", name: "叶强", text: "龙西小区12栋窨井盖破损"))
            try await SchedulerTests.heard("请在 1月6日 08:00 前办结", platform)
            try await client.postMessage(messageBody(id: "r2", sender: "u-7", name: "叶强", text: "龙西小区3栋路灯不亮"))
            try await SchedulerTests.heard("请在 1月7日 08:00 前办结", platform)
            let due = try await store.read { tx in try [1, 2].map { try tx.item(id: $0)?.dueAt } }
            #expect(due == [clock.now().addingTimeInterval(24 * 3600), clock.now().addingTimeInterval(48 * 3600)])
        }
    }

    @Test func theSectionOverridesKindsAndAddsCategories() throws {
        let config = try Self.load(
            """
            points: { issue_deadline_hours: 96 }
            deadlines:
              wish: 120
              by_category: { fire_lane: 4, manhole: 24 }
            """)
        #expect(config.points.issueDeadlineHours == 96)
        #expect(config.points.wishDeadlineHours == 120)
        #expect(config.points.suggestionDeadlineHours == 336)
        #expect(config.points.categoryDeadlineHours == ["fire_lane": 4, "manhole": 24])
        #expect(try Self.load("deadlines: { issue: 24 }").points.issueDeadlineHours == 24)
    }

    @Test func anUnknownCategoryOrHoursBelowOneNameTheirKey() {
        #expect {
            try Self.load("deadlines: { by_category: { manhol: 24 } }")
        } throws: { error in
            "\(error)".contains("deadlines.by_category.manhol")
        }
        #expect {
            try Self.load("deadlines: { wish: 0 }")
        } throws: { error in
            "\(error)".contains("deadlines.wish")
        }
    }
}
