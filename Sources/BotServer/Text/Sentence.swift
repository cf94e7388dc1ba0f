/// A sentence with its values, rendered by `Labels.say(_:)` from its phrase in `labels.yaml`:
/// the one way Swift puts a value into human text.
enum Sentence: Sendable {
    case loginLocked(minutes: Int)
    /// Durations, the number already formatted ("3.5").
    case minutes(String)
    case hours(String)
    case days(String)
    case itemNotFound(item: Int64)
    /// The notice after a board action on an item.
    case itemDone(ItemPageController.Action, item: Int64)
    case reviewFiled(item: Int64)
    case filed(item: Int64)
    case approved(name: String)
    case exchanged(name: String, goods: String, points: Int)
    case memberBalance(name: String, points: Int)
    case memberOption(name: String, role: String)
    case groupOption(name: String, group: String)
    case catalogOption(name: String, points: Int)
    case leaderboardTitle(period: String, board: String)
    /// A simulator chat nobody configured yet, by its own title.
    case simUnconfiguredGroup(title: String)

    var phrase: Phrase {
        switch self {
        case .loginLocked: .loginLocked
        case .minutes: .minutes
        case .hours: .hours
        case .days: .days
        case .itemNotFound: .itemNotFound
        case .itemDone(let action, _):
            switch action {
            case .verify: .doneVerify
            case .return: .doneReturn
            case .assign: .doneAssign
            case .escalate: .doneEscalate
            case .resolve: .doneResolve
            case .cancel: .doneCancel
            case .merge: .doneMerge
            case .locate: .doneLocate
            case .adopt: .doneAdopt
            case .answer: .doneAnswer
            case .chase: .doneChase
            case .split: .doneSplit
            case .approveWish: .doneApproveWish
            case .retryPhoto: .doneRetryPhoto
            }
        case .reviewFiled: .doneReviewFiled
        case .filed: .doneFiled
        case .approved: .doneApprove
        case .exchanged: .doneExchange
        case .memberBalance: .memberBalance
        case .memberOption: .memberOption
        case .groupOption: .groupOption
        case .catalogOption: .catalogOption
        case .leaderboardTitle: .leaderboardTitle
        case .simUnconfiguredGroup: .simUnconfiguredGroup
        }
    }

    /// The values by the names the phrase's `{{tags}}` use.
    var values: [String: String] {
        switch self {
        case .loginLocked(let minutes): ["minutes": "\(minutes)"]
        case .minutes(let n), .hours(let n), .days(let n): ["n": n]
        case .itemNotFound(let item), .itemDone(_, let item), .reviewFiled(let item), .filed(let item):
            ["item": "\(item)"]
        case .approved(let name): ["name": name]
        case .exchanged(let name, let goods, let points): ["name": name, "goods": goods, "points": "\(points)"]
        case .memberBalance(let name, let points), .catalogOption(let name, let points):
            ["name": name, "points": "\(points)"]
        case .memberOption(let name, let role): ["name": name, "role": role]
        case .groupOption(let name, let group): ["name": name, "group": group]
        case .leaderboardTitle(let period, let board): ["period": period, "board": board]
        case .simUnconfiguredGroup(let title): ["title": title]
        }
    }
}
