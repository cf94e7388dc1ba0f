import Foundation
import Hummingbird
import IntentParser
import Logging
import TaskBoard

/// The secretary's board under `/board`: everything its controllers share, and their routes.
struct BoardSite: Sendable {
    let store: BoardStore
    let pages: PageRenderer
    /// The set-up in force; `config`, `community`, `useCases` and `parser` read it at each use, so a
    /// page shows the places and people as the last save left them.
    let setup: LiveSetup
    var config: AppConfig { setup.current.config }
    var community: Community { setup.current.community }
    let accounts: BoardAccounts
    let sessions: BoardSessions
    let throttle: LoginThrottle
    /// The use cases the chat runs too: board actions decide, word and queue replies the same way.
    var useCases: UseCases { setup.current.useCases }
    /// For the numbers typed in forms ("12栋", "十二").
    var parser: IntentParser { setup.current.parser }
    let outboxSignal: WorkSignal
    /// Wakes the inbox worker when the board puts a message back in the queue.
    var inboxSignal: WorkSignal?
    /// Downloaded photos, served from local storage.
    let photos: PhotoFiles

    var labels: Labels { pages.labels }

    /// What points buy, as the chat's exchange prices it.
    var exchangeCatalog: [CatalogEntry] { useCases.replies.exchangeCatalog }

    init(
        store: BoardStore, pages: PageRenderer, setup: LiveSetup, outboxSignal: WorkSignal, photos: PhotoFiles
    ) {
        let config = setup.current.config
        self.photos = photos
        self.store = store
        self.pages = pages
        self.setup = setup
        self.accounts = BoardAccounts(config: config.board, people: config.people)
        self.sessions = BoardSessions(store: store, config: config.board)
        self.throttle = LoginThrottle(
            maxFailures: config.board.maxFailedLogins, lockoutMinutes: config.board.lockoutMinutes,
            maxFailuresPerAddress: config.board.maxFailedLoginsPerAddress)
        self.outboxSignal = outboxSignal
    }

    /// Every board page, behind the error page and the login; mounted under `/board`.
    var routes: RouteCollection<BoardRequestContext> {
        let routes = RouteCollection(context: BoardRequestContext.self)
            .add(middleware: BoardErrorMiddleware(pages: pages))
            .add(
                middleware: BoardAuthMiddleware(
                    sessions: sessions, accounts: accounts, maxFormBytes: 256 * 1024,
                    csrfRefusal: labels.word(.csrfRefused)))
        routes.addRoutes(LoginController(site: self).routes)
        routes.addRoutes(OverviewController(site: self).routes)
        routes.addRoutes(ReportController(site: self).routes)
        routes.addRoutes(ItemListController(site: self).routes)
        routes.addRoutes(ItemPageController(site: self).routes)
        routes.addRoutes(ReviewController(site: self).routes)
        routes.addRoutes(MembersController(site: self).routes)
        routes.addRoutes(PhotoController(site: self).routes)
        routes.addRoutes(DepartmentsController(site: self).routes)
        routes.addRoutes(SetupController(site: self).routes)
        return routes
    }

    /// The chrome of a page for the logged-in user.
    func chrome(_ request: Request, _ context: BoardRequestContext, section: BoardSection?, title: String) async throws
        -> PageChrome
    {
        let user = try context.requireUser()
        let (openReviews, memberName) = try await store.read { tx in
            (try tx.openReviewCount(), try tx.member(platformID: user.memberPlatformID)?.name)
        }
        let notice = Flash.read(request)
        return PageChrome(
            title: title, userName: user.configuredDisplayName ?? memberName ?? user.displayName,
            roleLabel: labels.role(user.role.memberRole),
            gridName: user.grid.flatMap { useCases.router.gridName($0) ?? $0 }, csrf: context.session?.csrfToken ?? "",
            nav: BoardSection.allCases.map {
                NavLink(
                    href: $0.href, label: labels.sections[$0], active: $0 == section,
                    badge: $0 == .reviews && openReviews > 0 ? openReviews : nil)
            },
            notice: notice?.text, noticeIsError: notice?.isError ?? false, openReviews: openReviews)
    }

    /// Renders a page inside the layout and clears the notice it showed.
    func page<View: Sendable>(
        _ template: PageTemplate, _ view: View, request: Request, context: BoardRequestContext, section: BoardSection?,
        title: String, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let chrome = try await chrome(request, context, section: section, title: title)
        var response = try pages.page(template, BoardPage(chrome: chrome, page: view), status: status)
        if chrome.notice != nil { Flash.clear(on: &response, secure: config.board.secureCookies) }
        return response
    }

    /// After a form: back to a page with a notice.
    func redirect(to location: String, notice: String, isError: Bool = false) -> Response {
        var response = HTMLResponse.redirect(to: location)
        Flash.set(notice, isError: isError, on: &response, secure: config.board.secureCookies)
        return response
    }
}
