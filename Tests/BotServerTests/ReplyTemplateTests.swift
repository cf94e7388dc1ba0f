import Foundation
import IntentParser
import TaskBoard
import Testing

@testable import BotServer

/// Every reply template exists, renders its view, and says exactly what we mean.
@Suite struct ReplyTemplateTests {
    let renderer: ReplyRenderer

    init() async throws {
        renderer = try await ReplyRenderer.load(templatesDirectory: ResourceLocator.resolve("templates"))
    }

    @Test func receiptReadsNaturally() throws {
        let text = try renderer.render(
            .receipt,
            ReceiptView(
                item: 12, category: "井盖", place: "龙西小区12栋", grid: "第一网格", gridWorkerNames: "王芳",
                due: "11月26日 18:00", points: 1, pointsOnVerify: 2, missingPlace: false))
        #expect(
            text == """
                已收到 #12：井盖｜龙西小区12栋
                已转第一网格（王芳）处理，请在 11月26日 18:00 前办结。
                积分 +1，核实办结后再 +2。
                """)
    }

    @Test func receiptAsksForAMissingPlace() throws {
        let text = try renderer.render(
            .receipt,
            ReceiptView(
                item: 3, category: "其他", place: "位置待补充", grid: "社区", gridWorkerNames: nil, due: "-", points: nil,
                pointsOnVerify: 2, missingPlace: true))
        #expect(text.hasSuffix("还缺位置：请补充小区和楼栋，例如「龙西小区12栋」。"))
        #expect(!text.contains("积分"))
    }

    @Test func placeJoinsItsParts() throws {
        let full = try renderer.render(
            .place,
            PlaceView(hasAny: true, estate: "鑫茂东苑", building: "12", unit: "1", room: "301", landmark: nil))
        #expect(full == "鑫茂东苑12栋1单元301室")
        let landmark = try renderer.render(
            .place, PlaceView(hasAny: true, estate: "龙西小区", building: nil, unit: nil, room: nil, landmark: "东门"))
        #expect(landmark == "龙西小区 东门")
        let none = try renderer.render(
            .place, PlaceView(hasAny: false, estate: nil, building: nil, unit: nil, room: nil, landmark: nil))
        #expect(none == "位置待补充")
    }

    @Test func verifiedListsEveryAward() throws {
        let text = try renderer.render(
            .verified,
            VerifiedView(
                item: 1,
                awards: [
                    AwardView(name: "叶强", delta: "+2", board: "社情民意收集"),
                    AwardView(name: "张三", delta: "+5", board: "志愿服务参与"),
                ]))
        #expect(text == "#1 验收通过，已办结 ✅\n叶强 +2（社情民意收集）\n张三 +5（志愿服务参与）")
    }

    @Test func leaderboardHasAnEmptyState() throws {
        let empty = try renderer.render(.leaderboard, LeaderboardView(title: "本周积分榜", rows: []))
        #expect(empty == "本周积分榜\n还没有人得分。")
        let rows = try renderer.render(
            .leaderboard,
            LeaderboardView(title: "本周积分榜", rows: [LeaderRowView(rank: 1, name: "张三", points: 5)]))
        #expect(rows == "本周积分榜\n1. 张三 5 分")
    }

    @Test func textIsNotHTMLEscaped() throws {
        let text = try renderer.render(.returned, ReturnedView(item: 2, claimant: "A&B", reason: "<照片不清楚>"))
        #expect(text == "#2 验收未通过，已退回 A&B：<照片不清楚>。请处理后再提交。")
    }

    /// Each case has its file and each file its case: a template nobody renders is dead text.
    @Test func everyTemplateFileBelongsToACaseAndRenders() throws {
        let directory = ResourceLocator.resolve("templates") + "/replies"
        let files = Set(
            try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".mustache") })
        let cases = Set(ReplyTemplate.allCases.map { $0.rawValue + ".mustache" })
        #expect(files == cases)
        for template in ReplyTemplate.allCases {
            let text = try renderer.render(template, EmptyView())
            #expect(!text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(template.path)")
        }
    }

    @Test func labelsCoverEveryCode() {
        for category in Category.allCases {
            #expect(renderer.labels.categories[category.rawValue] != nil, "\(category)")
        }
        for status in ItemStatus.allCases {
            #expect(renderer.labels.statuses[status.rawValue] != nil, "\(status)")
        }
    }
}
