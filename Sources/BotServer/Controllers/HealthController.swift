import Hummingbird
import TaskBoard

/// `GET /healthz`: the process answers and the database can be read.
struct HealthController: Sendable {
    let store: BoardStore

    struct Health: Encodable {
        var ok: Bool
        var pendingInbox: Int
        var pendingOutbox: Int

        enum CodingKeys: String, CodingKey {
            case ok
            case pendingInbox = "pending_inbox"
            case pendingOutbox = "pending_outbox"
        }
    }

    func register(on router: Router<BasicRequestContext>) {
        router.get("healthz") { _, _ in
            let counts = try await store.read { tx in
                (try tx.inboxCount(state: .pending), try tx.outboxCount(status: .pending))
            }
            return try JSONResponse.make(Health(ok: true, pendingInbox: counts.0, pendingOutbox: counts.1))
        }
    }
}
