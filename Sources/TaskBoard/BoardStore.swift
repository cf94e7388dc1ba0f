import Foundation
import GRDB
import Synchronization

/// The board's storage over SQLite: owns the database connection(s), runs the migrations, and gives
/// each caller one transaction in which to run `BoardTransaction`'s commands and queries, the queues
/// included (GRDB's AppDatabase pattern). It also serves the small store protocols that need nothing
/// of the board — `InboxQueue`, `OutboxQueue`, `PhotoQueue`, `SessionStore`, `TranscriptStore` — one
/// transaction per call. The server opens one for the life of the process; tests use `inMemory`.
public struct BoardStore: Sendable {
    /// Writes go through here; GRDB serialises them.
    let writer: any DatabaseWriter
    /// The point amounts and limits in force; the board's settings page replaces them while running.
    public var rules: PointRules { rulesInForce.value.withLock { $0 } }
    private let rulesInForce: RulesInForce
    /// Read once per transaction, so a test can set the time instead of waiting.
    let clock: @Sendable () -> Date

    /// Wraps an open database and migrates it to the current schema.
    public init(
        writer: any DatabaseWriter, rules: PointRules = PointRules(),
        clock: @escaping @Sendable () -> Date = { Date() }
    ) throws {
        self.writer = writer
        self.rulesInForce = RulesInForce(value: Mutex(rules))
        self.clock = clock
        try BoardSchema.migrator.migrate(writer)
    }

    /// Opens the production database, `<directory>/fengchao.sqlite`, creating the directory.
    ///
    /// A `DatabasePool` (WAL) lets board reads run beside webhook writes. Durability is set on the
    /// writer connection after opening: the pool sets `synchronous = NORMAL` while it opens, after
    /// `prepareDatabase` ran, so a FULL set there would not hold (design section 7). NORMAL in WAL mode
    /// survives a killed process but not a power cut.
    public static func open(
        directory: String, rules: PointRules = PointRules(),
        clock: @escaping @Sendable () -> Date = { Date() }
    ) throws -> BoardStore {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var config = Configuration()
        config.foreignKeysEnabled = true
        let path = URL(fileURLWithPath: directory).appendingPathComponent("fengchao.sqlite").path
        let pool = try DatabasePool(path: path, configuration: config)
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        return try BoardStore(writer: pool, rules: rules, clock: clock)
    }

    /// An empty in-memory database, for tests and `fengchao parse`-style tools.
    public static func inMemory(
        rules: PointRules = PointRules(), clock: @escaping @Sendable () -> Date = { Date() }
    ) throws -> BoardStore {
        try BoardStore(writer: try DatabaseQueue(), rules: rules, clock: clock)
    }

    /// The writer connection's `PRAGMA synchronous` (0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA), read back
    /// so a test and the server's start-up log can prove durability holds.
    public func synchronousMode() async throws -> Int {
        try await writer.writeWithoutTransaction { db in
            try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1
        }
    }

    /// The database's journal mode ("wal" for a file store), for the same reason.
    public func journalMode() async throws -> String {
        try await writer.writeWithoutTransaction { db in
            try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? ""
        }
    }

    /// Runs `body` in one write transaction: everything it does commits together, or nothing does
    /// when it throws.
    public func write<T: Sendable>(_ body: @escaping @Sendable (BoardTransaction) throws -> T) async throws -> T {
        let rules = self.rules
        let clock = self.clock
        return try await writer.write { db in
            try body(BoardTransaction(db: db, now: BoardTransaction.normalized(clock()), rules: rules))
        }
    }

    /// Runs `body` with read-only access to a consistent snapshot; commands throw here.
    public func read<T: Sendable>(_ body: @escaping @Sendable (BoardTransaction) throws -> T) async throws -> T {
        let rules = self.rules
        let clock = self.clock
        return try await writer.read { db in
            try body(BoardTransaction(db: db, now: BoardTransaction.normalized(clock()), rules: rules))
        }
    }
}

extension BoardStore {
    /// New amounts and limits for every transaction begun from now on (the board's settings page).
    public func replaceRules(_ rules: PointRules) {
        rulesInForce.value.withLock { $0 = rules }
    }
}

/// Shared by every copy of the store, so a replacement reaches them all.
private final class RulesInForce: Sendable {
    let value: Mutex<PointRules>

    init(value: consuming Mutex<PointRules>) {
        self.value = value
    }
}
