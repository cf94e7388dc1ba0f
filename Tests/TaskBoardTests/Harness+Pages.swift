import Foundation
import GRDB
import Testing

@testable import TaskBoard

/// What the board pages' tests share: reports with every field, and refusals of the page commands.
extension Harness {
    /// Files a report with every place field the test names and returns its number.
    func file(
        _ kind: ItemKind = .issue, by reporter: Member, category: String? = nil, estate: String? = nil,
        building: String? = nil, landmark: String? = nil, grid: String? = "A", lat: Double? = nil,
        text: String = "broken manhole cover"
    ) async throws -> Int64 {
        let reporterID = reporter.id!
        let outcome = try await run { tx in
            try tx.createItem(
                NewItem(
                    kind: kind, category: category,
                    location: Location(
                        estate: estate, building: building, landmark: landmark, grid: grid, lat: lat,
                        lon: lat.map { _ in 114.2 }), text: text, reporterID: reporterID))
        }
        return outcome.item.id!
    }

    /// Every row of the tables the page commands touch, as text.
    func pagesSnapshot() async throws -> [String: [String]] {
        try await db.read { db in
            var tables: [String: [String]] = [:]
            for table in ["members", "items", "ledger", "activities", "reviews"] {
                tables[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY id").map(\.description)
            }
            return tables
        }
    }

    /// Runs a page command that must be refused with `expected` (a `BoardError` or a
    /// `BoardPageError`), in a transaction that commits, and checks that nothing was written.
    func expectPageRefusal<E: Error & Equatable & Sendable, T: Sendable>(
        _ expected: E, sourceLocation: SourceLocation = #_sourceLocation,
        _ command: @escaping @Sendable (BoardTransaction) throws -> T
    ) async throws {
        let before = try await pagesSnapshot()
        let (thrown, other): (E?, String?) = try await run { tx in
            do {
                _ = try command(tx)
                return (nil, nil)
            } catch let error as E {
                return (error, nil)
            } catch {
                return (nil, String(describing: error))
            }
        }
        #expect(thrown == expected, "threw \(other ?? "nothing")", sourceLocation: sourceLocation)
        let after = try await pagesSnapshot()
        #expect(before == after, "a refused command wrote something", sourceLocation: sourceLocation)
    }
}
