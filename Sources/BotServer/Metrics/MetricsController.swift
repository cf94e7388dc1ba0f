import Hummingbird
import NIOCore
import Prometheus
import TaskBoard

/// `GET /metrics`: the registry in Prometheus's text format, the queue sizes read at the scrape.
struct MetricsController: Sendable {
    let metrics: ServerMetrics
    let store: BoardStore
    let config: AppConfig

    /// Whether a scrape must show the admin token (`metrics.access`, and where the server listens).
    var needsToken: Bool {
        config.metrics.access == .token || !config.listensOnLoopback
    }

    var routes: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        if needsToken { routes.add(middleware: BearerTokenMiddleware(tokens: [config.admin.token])) }
        routes.get("metrics") { _, _ in try await scrape() }
        return routes
    }

    func scrape() async throws -> Response {
        let counts = try await store.read { tx in
            let queue = tx.queue
            return (
                inbox: try queue.inboxCount(state: .pending),
                outbox: try OutboxStatus.allCases.map {
                    (status: $0.rawValue, count: try queue.outboxCount(status: $0))
                }
            )
        }
        metrics.queues(inboxPending: counts.inbox, outbox: counts.outbox)
        return Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: metrics.registry.emitToBuffer())))
    }
}
