import Foundation
import TaskBoard

/// One seeded item's way through the board's commands, each at its moment: `took` seconds after the
/// item was filed it is settled, and the steps before fall at fixed fractions of that time.
struct BenchmarkSteps {
    let tx: BoardTransaction
    let itemID: Int64
    let created: Double
    let took: Double
    let claimant: Int64
    let supervisor: Int64

    private func at(_ fraction: Double) -> BoardTransaction {
        tx.at(Date(timeIntervalSince1970: created + took * fraction))
    }

    /// The member takes the item; one already holding the most they may take is handed it instead.
    func claim(at fraction: Double) throws {
        do {
            _ = try at(fraction).claim(itemID: itemID, by: claimant)
        } catch BoardError.tooManyClaims {
            _ = try at(fraction).assign(itemID: itemID, to: claimant, by: supervisor)
        }
    }

    func submit() throws {
        _ = try at(0.9).submit(itemID: itemID, by: claimant, note: nil, photoURLs: [])
    }

    func claimSubmitVerify() throws {
        try claim(at: 0.3)
        try submit()
        _ = try at(1).verify(itemID: itemID, by: supervisor, note: nil)
    }

    func escalate(at fraction: Double) throws {
        _ = try at(fraction).escalate(itemID: itemID, by: supervisor, to: "街道办")
    }

    func escalateAndResolve() throws {
        try escalate(at: 0.5)
        _ = try at(1).resolve(itemID: itemID, by: supervisor, note: nil)
    }

    func cancel() throws {
        _ = try at(1).cancel(itemID: itemID, by: supervisor, reason: nil, invalid: false)
    }

    func merge(into original: Int64) throws {
        _ = try at(1).merge(itemID: itemID, into: original, by: supervisor)
    }
}
