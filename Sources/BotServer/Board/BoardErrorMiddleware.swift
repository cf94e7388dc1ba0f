import Hummingbird
import Logging

/// Errors on board pages become a readable page in Chinese with the status, never a stack or JSON.
struct BoardErrorMiddleware: RouterMiddleware {
    typealias Context = BoardRequestContext

    let pages: PageRenderer

    struct ErrorView: Sendable {
        var status: Int
        var message: String
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            let message = error.body ?? pages.labels.word(.error(status: error.status.code))
            return try pages.page(
                .error, ErrorView(status: error.status.code, message: message), status: error.status)
        } catch let error as any HTTPResponseError {
            return try pages.page(
                .error,
                ErrorView(status: error.status.code, message: pages.labels.word(.error(status: error.status.code))),
                status: error.status)
        } catch {
            context.logger.error("board.error", metadata: ["error": "\(error)", "http.path": "\(request.uri.path)"])
            return try pages.page(
                .error, ErrorView(status: 500, message: pages.labels.word(.error500)),
                status: .internalServerError)
        }
    }
}
