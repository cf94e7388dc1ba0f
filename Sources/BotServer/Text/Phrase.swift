/// The sentences with values, under `phrases:` in `labels.yaml` as Mustache text; `Sentence`
/// gives each its values.
enum Phrase: String, CaseIterable, Sendable {
    case loginLocked = "login_locked"
    case minutes = "minutes_format"
    case hours = "hours_format"
    case days = "days_format"
    case itemNotFound = "item_not_found"
    case doneVerify = "done_verify"
    case doneReturn = "done_return"
    case doneAssign = "done_assign"
    case doneEscalate = "done_escalate"
    case doneResolve = "done_resolve"
    case doneCancel = "done_cancel"
    case doneMerge = "done_merge"
    case doneLocate = "done_locate"
    case doneAdopt = "done_adopt"
    case doneAnswer = "done_answer"
    case doneChase = "done_chase"
    case doneSplit = "done_split"
    case doneApproveWish = "done_approve-wish"
    case doneRetryPhoto = "done_retry-photo"
    case doneReviewFiled = "done_review_filed"
    case doneFiled = "done_filed"
    case doneApprove = "done_approve"
    case doneExchange = "done_exchange"
    case memberBalance = "member_balance"
    case memberOption = "member_option"
    case groupOption = "group_option"
    case catalogOption = "catalog_option"
    case leaderboardTitle = "leaderboard_title"
    case simUnconfiguredGroup = "sim_unconfigured_group"

    /// One sentence of this phrase (values nobody reads), so start-up can render each phrase and find
    /// a tag no value fills.
    var sample: Sentence {
        switch self {
        case .loginLocked: .loginLocked(minutes: 15)
        case .minutes: .minutes("12")
        case .hours: .hours("3.5")
        case .days: .days("2.1")
        case .itemNotFound: .itemNotFound(item: 12)
        case .doneVerify: .itemDone(.verify, item: 12)
        case .doneReturn: .itemDone(.return, item: 12)
        case .doneAssign: .itemDone(.assign, item: 12)
        case .doneEscalate: .itemDone(.escalate, item: 12)
        case .doneResolve: .itemDone(.resolve, item: 12)
        case .doneCancel: .itemDone(.cancel, item: 12)
        case .doneMerge: .itemDone(.merge, item: 12)
        case .doneLocate: .itemDone(.locate, item: 12)
        case .doneAdopt: .itemDone(.adopt, item: 12)
        case .doneAnswer: .itemDone(.answer, item: 12)
        case .doneChase: .itemDone(.chase, item: 12)
        case .doneSplit: .itemDone(.split, item: 12)
        case .doneApproveWish: .itemDone(.approveWish, item: 12)
        case .doneRetryPhoto: .itemDone(.retryPhoto, item: 12)
        case .doneReviewFiled: .reviewFiled(item: 12)
        case .doneFiled: .filed(item: 12)
        case .doneApprove: .approved(name: "Ann")
        case .doneExchange: .exchanged(name: "Ann", goods: "soap", points: 10)
        case .memberBalance: .memberBalance(name: "Ann", points: 10)
        case .memberOption: .memberOption(name: "Ann", role: "member")
        case .groupOption: .groupOption(name: "riders", group: "riders-1")
        case .catalogOption: .catalogOption(name: "soap", points: 10)
        case .leaderboardTitle: .leaderboardTitle(period: "week", board: "all")
        case .simUnconfiguredGroup: .simUnconfiguredGroup(title: "riders south")
        }
    }
}
