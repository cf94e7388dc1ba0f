import Foundation
import Testing

@testable import TaskBoard

/// The rights-and-states table (`ItemAction`, `ItemStatus.allows`) is the one rule: the board
/// shows exactly the actions whose commands succeed, for every state, role and relation.
@Suite("Rules table") struct RulesTableTests {
    /// Thrown after a tried command so its transaction rolls back and the next try sees the same item.
    struct RolledBack: Error {}

    @Test(arguments: [ItemKind.issue, .suggestion, .wish], ItemStatus.allCases)
    func theButtonsShownAreTheCommandsThatSucceed(kind: ItemKind, status: ItemStatus) async throws {
        let h = try await Harness.make()
        let (id, other) = try await item(kind, in: status, h)
        let actors = [h.secretary, h.gridA, h.gridB, h.member1, h.member2, h.rider, h.resident]
        for actor in actors {
            let item = try await h.item(id)
            let shown = Set(item.actions(for: actor))
            for action in ItemAction.allCases {
                let succeeded = try await attempt(action, on: id, by: actor, other: other, h)
                #expect(
                    succeeded == shown.contains(action),
                    "\(kind) \(status) \(actor.name) \(action): command \(succeeded ? "succeeds" : "refuses")")
            }
        }
    }

    @Test func theStateTableMatchesDesignSectionFour() {
        #expect(ItemStatus.allCases.filter { $0.allows(.claim) } == [.open])
        #expect(ItemStatus.allCases.filter { $0.allows(.verify) } == [.submitted])
        #expect(ItemStatus.allCases.filter { $0.allows(.resolve) } == [.escalated])
        #expect(ItemStatus.allCases.filter { $0.allows(.escalate) } == [.open, .claimed, .escalated])
        #expect(ItemStatus.allCases.filter { $0.allows(.answer) } == [.escalated])
        #expect(ItemStatus.allCases.filter { $0.allows(.chase) } == [.escalated])
        for terminal in ItemStatus.allCases where terminal.isTerminal {
            #expect(ItemAction.allCases.filter { terminal.allows($0) }.isEmpty, "\(terminal) is history")
        }
    }

    /// Whether the command for `action` succeeds (and is then rolled back).
    private func attempt(_ action: ItemAction, on id: Int64, by actor: Member, other: Int64, _ h: Harness) async throws
        -> Bool
    {
        let by = actor.id!
        let assignee = h.member2.id!
        do {
            _ = try await h.run { tx -> Int in
                switch action {
                case .claim: _ = try tx.claim(itemID: id, by: by)
                case .release: _ = try tx.release(itemID: id, by: by)
                case .submit: _ = try tx.submit(itemID: id, by: by, note: nil, photoURLs: [])
                case .verify: _ = try tx.verify(itemID: id, by: by, note: nil)
                case .return: _ = try tx.returnItem(itemID: id, by: by, reason: nil)
                case .assign: _ = try tx.assign(itemID: id, to: assignee, by: by)
                case .escalate: _ = try tx.escalate(itemID: id, by: by, to: "街道")
                case .resolve: _ = try tx.resolve(itemID: id, by: by, note: nil)
                case .cancel: _ = try tx.cancel(itemID: id, by: by, reason: nil, invalid: false)
                case .merge: _ = try tx.merge(itemID: id, into: other, by: by)
                case .locate: _ = try tx.locate(itemID: id, at: Location(estate: "龙西小区"), by: by)
                case .adopt: _ = try tx.adopt(itemID: id, by: by, note: nil)
                case .answer: _ = try tx.answerDepartment(itemID: id, by: by, answer: "已安排")
                case .chase: _ = try tx.chase(itemID: id, by: by)
                case .approveWish: _ = try tx.approve(itemID: id, by: by)
                }
                throw RolledBack()
            }
            Issue.record("not rolled back")
            return true
        } catch is RolledBack {
            return true
        } catch is BoardError {
            return false
        }
    }

    /// An item of grid A reported by the rider, brought to `status` with member 1 as its claimant,
    /// and another open item to merge into.
    private func item(_ kind: ItemKind, in status: ItemStatus, _ h: Harness) async throws -> (Int64, Int64) {
        let id = try await h.report(kind, by: h.rider)
        let other = try await h.report(kind, by: h.rider2)
        let (m1, sec) = (h.member1.id!, h.secretary.id!)
        _ = try await h.run { tx -> Int in
            switch status {
            case .open: break
            case .claimed: _ = try tx.claim(itemID: id, by: m1)
            case .submitted, .closed:
                _ = try tx.claim(itemID: id, by: m1)
                _ = try tx.submit(itemID: id, by: m1, note: nil, photoURLs: [])
                if status == .closed { _ = try tx.verify(itemID: id, by: sec, note: nil) }
            case .escalated: _ = try tx.escalate(itemID: id, by: sec, to: "街道")
            case .merged: _ = try tx.merge(itemID: id, into: other, by: sec)
            case .cancelled: _ = try tx.cancel(itemID: id, by: sec, reason: nil, invalid: false)
            }
            return 0
        }
        #expect(try await h.item(id).status == status)
        return (id, other)
    }
}

/// A grid worker acts within the own grid on every path, a merge's original included.
@Suite("Grid boundaries") struct GridBoundaryTests {
    @Test func aGridWorkerMergesOnlyIntoTheOwnGrid() async throws {
        let h = try await Harness.make()
        let duplicate = try await h.report(by: h.rider, grid: "A")
        let elsewhere = try await h.report(by: h.rider2, grid: "B")
        let sameGrid = try await h.report(by: h.rider2, grid: "A")
        let ga = h.gridA.id!
        try await h.expectRefusal(.notAllowed(action: "merge", role: .gridWorker)) { tx in
            try tx.merge(itemID: duplicate, into: elsewhere, by: ga)
        }
        _ = try await h.run { tx in try tx.merge(itemID: duplicate, into: sameGrid, by: ga) }
        #expect(try await h.item(duplicate).status == .merged)
    }
}
