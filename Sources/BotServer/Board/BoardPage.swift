import Foundation
import TaskBoard

/// What every board page shows around its content: who is logged in, the menu, the CSRF token
/// for its forms, and a notice left by the previous action.
struct PageChrome: Sendable {
    var title: String
    var userName: String
    var roleLabel: String
    var gridName: String?
    var csrf: String
    var nav: [NavLink]
    var notice: String?
    var noticeIsError: Bool
    var openReviews: Int
}

struct NavLink: Sendable {
    var href: String
    var label: String
    var active: Bool
    /// How many things wait there (open reviews), shown as a red count.
    var badge: Int?
}

/// A page's view: the chrome for the layout and the page's own values.
struct BoardPage<View: Sendable>: Sendable {
    var chrome: PageChrome
    var page: View
}

/// The menu, in the order a secretary works through a day.
enum BoardSection: String, CaseIterable, Sendable {
    case overview, items, reviews, report, members, leaderboard, exchange
    case departments
    /// The community's set-up: places, people, groups, accounts, settings, and the audit log.
    case setup

    var href: String {
        switch self {
        case .overview: "/board"
        default: "/board/\(rawValue)"
        }
    }
}
