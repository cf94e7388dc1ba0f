import Foundation
import IntentParser
import TaskBoard
import Testing

@testable import BotServer

/// Every reply template exists, renders its view, and says exactly what we mean.
@Suite struct ReplyTemplateTests {
    let renderer: ReplyRenderer

    init() async throws {
        renderer = ReplyRenderer(
            templates: try await TemplateLibrary.load(directory: ResourceLocator.resolve("templates")))
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
        let empty = try renderer.render(.leaderboard, LeaderboardView(period: "本周", board: "志愿服务参与", rows: []))
        #expect(empty == "本周志愿服务参与积分榜\n还没有人得分。")
        let rows = try renderer.render(
            .leaderboard,
            LeaderboardView(
                period: "本周", board: "志愿服务参与", rows: [LeaderRowView(rank: 1, name: "张三", points: 5)],
                pool: PoolView(name: "信用银行", points: 20)))
        #expect(rows == "本周志愿服务参与积分榜\n1. 张三 5 分\n信用银行现有 20 分，用于帮扶困难群众。")
    }

    @Test func textIsNotHTMLEscaped() throws {
        let text = try renderer.render(.returned, ReturnedView(item: 2, claimant: "A&B", reason: "<照片不清楚>"))
        #expect(text == "#2 验收未通过，已退回 A&B：<照片不清楚>。请处理后再提交。")
    }

    /// Each case has its file and each file its case: a template nobody renders is dead text.
    @Test func everyTemplateFileBelongsToACase() throws {
        let directory = ResourceLocator.resolve("templates") + "/replies"
        let files = Set(
            try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".mustache") })
        let cases = Set(ReplyTemplate.allCases.map { $0.rawValue + ".mustache" })
        #expect(files == cases)
    }

    /// Every tag of every template is filled by its view: Mustache renders a misspelt `{{name}}`
    /// as nothing, so only a probe of the lookups can tell.
    @Test(arguments: ReplyTemplate.allCases)
    func everyTagIsFilled(_ template: ReplyTemplate) throws {
        let probe = LookupProbe()
        let text = try renderer.render(template, probe.wrap(Self.sample(template)))
        #expect(probe.unfilled.isEmpty, "\(template.path): \(probe.unfilled.sorted())")
        #expect(!text.isEmpty)
        #expect(!text.contains("{") && !text.contains("}"), "\(template.path): \(text)")
    }

    /// A view for each template with every optional set, so every section is entered.
    static func sample(_ template: ReplyTemplate) -> Any {
        let place = PlaceView(hasAny: true, estate: "龙西小区", building: "12", unit: "1", room: "301", landmark: "东门")
        let claimed = ClaimedView(item: 12, name: "张三", category: "井盖", place: "龙西小区12栋", due: "11月26日 18:00")
        let awards = VerifiedView(item: 12, awards: [AwardView(name: "叶强", delta: "+2", board: "社情民意收集")])
        let parts = [
            ContributionPartView(count: 12, unit: "条问题", plus: false),
            ContributionPartView(count: 1, unit: "条建议", plus: true),
        ]
        return switch template {
        case .receipt:
            ReceiptView(
                item: 12, category: "井盖", place: "龙西小区12栋", grid: "第一网格", gridWorkerNames: "王芳",
                due: "11月26日 18:00", points: 1, pointsOnVerify: 2, missingPlace: true)
        case .receiptWish:
            WishView(item: 12, beneficiary: "张奶奶", place: "龙西小区12栋", text: "张奶奶想要一个旧书角", approved: true)
        case .receiptSuggestion: SuggestionReceiptView(item: 12, points: 1)
        case .claimed, .assigned: claimed
        case .released, .refusedNoSuchItem, .refusedAlreadyYours, .refusedOwnItem, .refusedNotApproved, .wishApproved:
            ItemOnlyView(item: 12)
        case .submitted: SubmittedView(item: 12, photoCount: 2)
        case .verified, .resolved, .adopted: awards
        case .returned: ReturnedView(item: 12, claimant: "张三", reason: "照片不清楚")
        case .escalated: EscalatedView(item: 12, target: "城管", level: "街道", due: "11月26日 18:00")
        case .departmentAnswered, .chaseSent: DepartmentAnswerView(item: 12, department: "城管", answer: "已安排 周三前清理")
        case .chased:
            ChaseView(
                item: 12, topic: "井盖", place: "龙西小区12栋", department: "城管", raised: "11月23日 18:00",
                due: "11月26日 18:00", late: true)
        case .departmentRequest:
            DepartmentRequestView(
                item: 12, topic: "井盖", place: "龙西小区12栋", text: "井盖破损", department: "城管", level: "街道",
                due: "11月26日 18:00")
        case .unknownDepartment:
            UnknownDepartmentView(
                item: 12, written: "住建", waitingOn: "城管", names: "街道、城管", example: "街道")
        case .registered: RegisteredView(name: "张三", role: "在职党员", awaitingApproval: true)
        case .points:
            PointsView(
                name: "张三", total: 7, boards: [BoardPointsView(label: "社情民意收集", points: 7)],
                spent: [BoardPointsView(label: "兑换", points: 3)])
        case .leaderboard:
            LeaderboardView(
                period: "本周", board: "志愿服务参与", rows: [LeaderRowView(rank: 1, name: "张三", points: 5)],
                pool: PoolView(name: "信用银行", points: 20))
        case .todo:
            TodoView(
                name: "张三", count: 1,
                items: [ItemStatusView(id: 12, category: "井盖", place: "龙西小区12栋", status: "已认领")], hasOwn: true,
                openCount: 11, open: [OpenItemView(id: 3, category: "路灯", place: "龙西小区3栋", due: "11月26日 18:00")],
                hasOpen: true, more: true, shown: 1)
        case .itemStatus:
            ItemStatusView(
                id: 12, category: "井盖", place: "龙西小区12栋", status: "已认领", claimant: "张三", reportedAt: "11月23日 18:00")
        case .announcement:
            AnnouncementView(
                item: 12, wish: true, topic: "微心愿", place: "龙西小区12栋", grid: "第一网格", due: "11月26日 18:00",
                text: "想要一个旧书角", beneficiary: "张奶奶")
        case .reporterClaimed:
            ReporterClaimedView(
                item: 12, name: "张三", assigned: true, category: "井盖", place: "龙西小区12栋", due: "11月26日 18:00")
        case .reporterReturned: ReporterReturnedView(item: 12, reason: "照片不清楚")
        case .reporterClosed: ReporterClosedView(item: 12, points: "+2", into: 3)
        case .joined, .joinedClosed, .refusedStillOpen: ItemOnlyView(item: 12)
        case .brokenAgain:
            BrokenAgainView(item: 12, topic: "井盖", place: "龙西小区12栋", due: "11月26日 18:00", claimant: "张三")
        case .splitOff: SplitOffView(from: 3, receipt: "已收到 #12：井盖｜龙西小区12栋")
        case .refusedReopenTooLate: ReopenTooLateView(item: 12, days: 30)
        case .refusedNotRegistered: NotRegisteredView(awaitingApproval: true)
        case .noReportFound: NoReportView(category: "井盖", example: "查 #12")
        case .registrationApproved, .unknownMember: NameView(name: "张三")
        case .help, .unconfiguredGroup, .refusedNoSuchMember, .reviewQueued: EmptyView()
        case .needItemRef: ExampleView(example: "认领 #12")
        case .refusedAlreadyClaimed: NameRefusalView(item: 12, name: "张三")
        case .refusedNotClaimant: ClaimantRefusalView(item: 12, name: "张三")
        case .refusedNotAllowed: NotAllowedView(role: "居民", action: "验收")
        case .refusedWrongState: WrongStateView(item: 12, status: "已办结", action: "认领")
        case .refusedTooManyClaims: LimitView(limit: 3)
        case .refusedInsufficientBalance: BalanceView(balance: 5, cost: 10)
        case .refusedInvalidMerge: MergeRefusalView(item: 12, into: 12)
        case .cancelled: CancelledView(item: 12, reason: "重复", penalty: "-1")
        case .merged: MergedView(item: 12, into: 3)
        case .dueSoon, .overdue, .stalled, .expired, .reopened:
            {
                var view = CalendarItemView(
                    CalendarItemView.Line(item: 12, topic: "井盖", place: "龙西小区12栋", due: "11月26日 18:00"), hours: 18,
                    days: 3)
                view.claimant = "张三"
                return view
            }()
        case .weekReport:
            WeekReportView(
                from: "11月24日", to: "11月30日", reported: 5, closed: 4, onTime: "75", categories: "井盖 3、排水 2",
                grids: "第一网格 5", escalations: "城管 1", hasOverdue: true, overdueCount: 1,
                overdue: [CalendarItemView.Line(item: 12, topic: "井盖", place: "龙西小区12栋", due: "11月26日 18:00")],
                reportsChampion: ChampionView(name: "叶强", points: 12, reports: true, parts: parts),
                serviceChampion: ChampionView(name: "张三", points: 10, reports: false, parts: []))
        case .champion: ChampionView(name: "叶强", points: 12, reports: true, parts: parts)
        case .donated: DonatedView(name: "叶强", amount: 20, pool: "信用银行", balance: 120)
        case .exchangeCatalog: CatalogView(goods: "牙膏", entries: [CatalogLineView(name: "洗衣液一瓶", cost: 10)])
        case .yearlyDuty: YearlyDutyView("张三", YearlyDuty(activities: 0, tasks: 1), year: 2026, hasDuty: true)
        case .dutyReminder:
            DutyReminderView(
                year: 2026,
                people: [YearlyDutyView("张三", YearlyDuty(activities: 0, tasks: 1), year: 2026, hasDuty: true)])
        case .overdueDigest:
            OverdueDigestView(
                count: 1,
                items: [CalendarItemView.Line(item: 12, topic: "井盖", place: "龙西小区12栋", due: "11月26日 18:00", late: 2)],
                departmentCount: 1,
                atDepartments: [
                    CalendarItemView.Line(
                        item: 13, topic: "垃圾", place: "龙西小区3栋", due: "11月25日 18:00", late: 3, department: "城管")
                ])
        case .place: place
        case .located: LocatedView(item: 12, place: "龙西小区12栋", grid: "第一网格")
        case .photosAdded: PhotosAddedView(item: 12, count: 2)
        case .wishFulfilled: WishFulfilledView(item: 12, name: "张三", beneficiary: "张奶奶", text: "张奶奶想要一个旧书角")
        case .wishList:
            WishListView(
                total: 3,
                wishes: [WishView(item: 12, beneficiary: "张奶奶", place: "龙西小区12栋", text: "想要一个旧书角", approved: true)],
                more: 2)
        case .wishPublication: WishPublicationView(published: 3, unclaimedLong: "#12 张奶奶", days: 14, awaiting: 1)
        }
    }
}

/// `labels.yaml` has a word for every case of every code family, and start-up refuses one that does not.
@Suite struct LabelTests {
    let templates: String = ResourceLocator.resolve("templates")

    @Test func everyFamilyIsCovered() throws {
        let labels = try Labels.load(templatesDirectory: templates)
        #expect(labels.missingKeys.isEmpty)
        for status in ItemStatus.allCases { #expect(labels.status(status) != status.rawValue, "\(status)") }
        for word in Word.allCases { #expect(labels.word(word) != word.rawValue, "\(word)") }
    }

    /// A word the file has and no case names is text nobody can see.
    @Test func everyWordInTheFileHasACase() throws {
        let labels = try Labels.load(templatesDirectory: templates)
        #expect(Set(labels.words.codes) == Set(Word.allCases.map(\.rawValue)))
    }

    @Test(arguments: Phrase.allCases)
    func everyPhraseRendersItsSample(_ phrase: Phrase) throws {
        let labels = try Labels.load(templatesDirectory: templates)
        #expect(phrase.sample.phrase == phrase)
        let text = labels.say(phrase.sample)
        #expect(!text.contains("{") && !text.contains("}"), "\(phrase): \(text)")
        for value in phrase.sample.values.values { #expect(text.contains(value), "\(phrase): \(text)") }
    }

    @Test func sentencesAreNotEscaped() throws {
        let labels = try Labels.load(templatesDirectory: templates)
        #expect(labels.say(.approved(name: "A&B")) == "已确认 A&B 的报到。")
        #expect(labels.say(.itemDone(.retryPhoto, item: 7)) == "#7 的照片将重新下载。")
    }

    @Test func unknownDataCodesShowThemselves() throws {
        let labels = try Labels.load(templatesDirectory: templates)
        #expect(labels.category("not_a_category") == "not_a_category")
        #expect(labels.category(nil) == "待分类")
        #expect(labels.action("not_an_action") == "not_an_action")
        #expect(Word.error(status: 418) == .error400)
        #expect(Word.error(status: 503) == .error500)
    }

    /// What a community's copy of `templates/` may get wrong, and what the refusal must name.
    enum Breakage: Sendable {
        case labels(replacing: String, with: String, named: [String])
        case deleted(String)

        var named: [String] {
            switch self {
            case .labels(_, _, let named): named
            case .deleted(let file): [file]
            }
        }
    }

    @Test(arguments: [
        Breakage.labels(replacing: "  stat_overdue: 已超期\n", with: "", named: ["words.stat_overdue", "labels.yaml"]),
        .labels(replacing: "  review: 审核\n", with: "", named: ["actions.review"]),
        .labels(
            replacing: "已确认 {{name}} 的报到。", with: "已确认 {{nmae}} 的报到。", named: ["phrases.done_approve", "{{nmae}}"]),
        .deleted("replies/claimed.mustache"), .deleted("board/items.mustache"), .deleted("board/bar_chart.mustache"),
    ])
    func aBrokenTemplatesFolderStopsTheStart(_ breakage: Breakage) async throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: templates, toPath: copy)
        defer { try? FileManager.default.removeItem(atPath: copy) }
        switch breakage {
        case .labels(let old, let new, _):
            let path = copy + "/labels.yaml"
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.contains(old))
            try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
        case .deleted(let file):
            try FileManager.default.removeItem(atPath: copy + "/" + file)
        }
        await #expect {
            _ = try await TemplateLibrary.load(directory: copy)
        } throws: { error in
            breakage.named.allSatisfy { "\(error)".contains($0) }
        }
    }
}
