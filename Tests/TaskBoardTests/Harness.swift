import Foundation
import GRDB
import Testing

@testable import TaskBoard

/// An in-memory board with a cast of members, its clock, and direct access to the database so a
/// test can prove what a command did or did not write.
struct Harness {
    let store: BoardStore
    let db: DatabaseQueue
    let clock: TestClock
    let rider: Member
    let rider2: Member
    let member1: Member
    let member2: Member
    let secretary: Member
    let gridA: Member
    let gridB: Member
    let resident: Member

    static func make(rules: PointRules = PointRules()) async throws -> Harness {
        let clock = TestClock()
        let db = try DatabaseQueue()
        let store = try BoardStore(writer: db, rules: rules, clock: clock.now)
        let cast = try await store.write { tx in
            [
                try tx.upsertMember(platformID: "wx-rider", name: "Rider One", role: .rider, grid: "A"),
                try tx.upsertMember(platformID: "wx-rider2", name: "Rider Two", role: .rider, grid: "B"),
                try tx.register(platformID: "wx-m1", name: "Zhang San", role: .member),
                try tx.register(platformID: "wx-m2", name: "Li Si", role: .member),
                try tx.upsertMember(platformID: "wx-sec", name: "Secretary Wang", role: .secretary, grid: nil),
                try tx.upsertMember(platformID: "wx-ga", name: "Grid Worker A", role: .gridWorker, grid: "A"),
                try tx.upsertMember(platformID: "wx-gb", name: "Grid Worker B", role: .gridWorker, grid: "B"),
                try tx.upsertMember(platformID: "wx-res", name: "Resident Zhao", role: .resident, grid: "A"),
            ]
        }
        return Harness(
            store: store, db: db, clock: clock, rider: cast[0], rider2: cast[1], member1: cast[2],
            member2: cast[3], secretary: cast[4], gridA: cast[5], gridB: cast[6], resident: cast[7])
    }

    /// Runs one write transaction.
    func run<T: Sendable>(_ body: @escaping @Sendable (BoardTransaction) throws -> T) async throws -> T {
        try await store.write(body)
    }

    /// Files a report and returns the item's number.
    func report(
        _ kind: ItemKind = .issue, by reporter: Member, grid: String? = "A", text: String = "broken manhole cover",
        photos: [String] = []
    ) async throws -> Int64 {
        let reporterID = reporter.id!
        let outcome = try await run { tx in
            try tx.createItem(
                NewItem(
                    kind: kind, location: Location(grid: grid), text: text, reporterID: reporterID, photoURLs: photos))
        }
        return outcome.item.id!
    }

    /// An item taken to `submitted` by `claimant`.
    func submitted(by claimant: Member, reporter: Member? = nil, grid: String? = "A") async throws -> Int64 {
        let id = try await report(by: reporter ?? rider, grid: grid)
        let claimantID = claimant.id!
        _ = try await run { tx in
            _ = try tx.claim(itemID: id, by: claimantID)
            return try tx.submit(itemID: id, by: claimantID, note: "done", photoURLs: [])
        }
        return id
    }

    func item(_ id: Int64) async throws -> Item {
        try await store.read { tx in try #require(try tx.item(id: id)) }
    }

    func balance(_ member: Member) async throws -> Balance {
        let id = member.id!
        return try await store.read { tx in try tx.balance(memberID: id) }
    }

    /// Every row of every board table, as text, to compare before and after a refused command.
    func snapshot() async throws -> [String: [String]] {
        try await db.read { db in
            var tables: [String: [String]] = [:]
            for table in ["members", "items", "timeline_events", "photos", "ledger", "inbox", "outbox"] {
                tables[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY id").map(\.description)
            }
            return tables
        }
    }

    /// Runs a command that must be refused with `expected`, inside a transaction that commits
    /// (the caller catches the error), and checks that nothing was written.
    func expectRefusal<T: Sendable>(
        _ expected: BoardError, sourceLocation: SourceLocation = #_sourceLocation,
        _ command: @escaping @Sendable (BoardTransaction) throws -> T
    ) async throws {
        let before = try await snapshot()
        let thrown: BoardError? = try await run { tx in
            do {
                _ = try command(tx)
                return nil
            } catch let error as BoardError {
                return error
            }
        }
        #expect(thrown == expected, sourceLocation: sourceLocation)
        let after = try await snapshot()
        #expect(before == after, "a refused command wrote something", sourceLocation: sourceLocation)
    }

    func ledgerCount() async throws -> Int {
        try await db.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM ledger") ?? 0 }
    }
}
