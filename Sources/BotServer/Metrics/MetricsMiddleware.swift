import Hummingbird

/// Times every answer of the routes it guards and hands status and duration to `record`; a thrown
/// error counts with the status Hummingbird will answer it with.
struct MetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let record: @Sendable (_ path: String, _ status: Int, _ duration: Duration) -> Void

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            record(request.uri.path, response.status.code, ContinuousClock.now - start)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            record(request.uri.path, status, ContinuousClock.now - start)
            throw error
        }
    }
}

extension MetricsMiddleware {
    /// The webhooks' requests and ack latency, by channel: the path's part after `/webhook/`
    /// (`generic`, `onebot11`, `wechat` …), or `other` for a path outside it.
    static func webhooks(_ metrics: ServerMetrics) -> MetricsMiddleware {
        MetricsMiddleware { path, status, duration in
            guard path.hasPrefix("/webhook/") else { return }
            let channel = path.dropFirst("/webhook/".count).split(separator: "/").first.map(String.init) ?? "other"
            metrics.webhook(channel: channel, status: status, duration: duration)
        }
    }

    /// The board's pages.
    static func board(_ metrics: ServerMetrics) -> MetricsMiddleware {
        MetricsMiddleware { _, status, duration in metrics.boardPage(status: status, duration: duration) }
    }
}
