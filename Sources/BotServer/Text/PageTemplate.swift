/// Every page the server renders (`templates/board/`, `templates/sim/`), so start-up can check
/// they all exist with the partials they use.
enum PageTemplate: String, CaseIterable, Sendable {
    case overview = "board/overview"
    case report = "board/report"
    case items = "board/items"
    case item = "board/item"
    case reviews = "board/reviews"
    case members = "board/members"
    case leaderboard = "board/leaderboard"
    case exchange = "board/exchange"
    case departments = "board/departments"
    case setup = "board/setup"
    case login = "board/login"
    case error = "board/error"
    case simChat = "sim/chat"
}
