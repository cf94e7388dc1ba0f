import Hummingbird
import TaskBoard

/// `GET /healthz`: the process answers and the database can be read.
struct HealthController: Sendable {
    let store: BoardStore

    struct Health: Encodable {
        var ok: Bool
        var pendingInbox: Int
        var pendingOutbox: Int
        /// Work set aside for crashing the process (CrashGuard), per queue.
        var quarantined: Quarantined

        struct Quarantined: Encodable {
            var inbox: Int
            var outbox: Int
            var photos: Int
        }
    }

    var routes: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.get("healthz") { _, _ in
            let health = try await store.read { tx in
                let q = try tx.queue.quarantinedCounts()
                return Health(
                    ok: true, pendingInbox: try tx.queue.inboxCount(state: .pending),
                    pendingOutbox: try tx.queue.outboxCount(status: .pending),
                    quarantined: .init(inbox: q.inbox, outbox: q.outbox, photos: q.photos))
            }
            return try JSONResponse.make(health)
        }
        return routes
    }
}
