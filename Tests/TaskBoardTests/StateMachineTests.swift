import Foundation
import GRDB
import Testing

@testable import TaskBoard

@Suite("State machine")
struct StateMachineTests {
    // MARK: - create

    @Test(
        "a report becomes an open item with deadline, event, photos and +1",
        arguments: [
            (ItemKind.issue, 72.0), (.wish, 168.0), (.suggestion, 336.0),
        ])
    func create(kind: ItemKind, deadlineHours: Double) async throws {
        // Given a board
        let h = try await Harness.make()
        let reporter = kind == .wish ? h.resident : h.rider
        let reporterID = reporter.id!
        // When a report with two photos arrives
        let outcome = try await h.run { tx in
            try tx.createItem(
                NewItem(
                    kind: kind, location: Location(grid: "A"), text: "report", reporterID: reporterID,
                    source: ItemSource(channel: "wecom", group: "riders", messageID: "msg-1"), photoURLs: ["u1", "u2"]))
        }
        // Then the item is open with its deadline, one created event and the photos
        let item = outcome.item
        #expect(item.status == .open)
        #expect(item.createdAt == TestClock.start)
        #expect(item.dueAt == TestClock.start.addingTimeInterval(deadlineHours * 3600))
        #expect(item.sourceMessageID == "msg-1")
        let detail = try #require(try await h.store.read { tx in try tx.detail(itemID: item.id!) })
        #expect(detail.events.map(\.action) == [.created])
        #expect(detail.events.first?.actorID == reporterID)
        #expect(detail.photos.map(\.url) == ["u1", "u2"])
        #expect(detail.reporter == reporter)
        #expect(detail.claimant == nil)
        // And only issues and suggestions pay the reporter
        if kind == .wish {
            #expect(outcome.awards.isEmpty)
        } else {
            #expect(
                outcome.awards == [
                    Award(
                        memberID: reporterID, memberName: reporter.name, board: .reports, delta: 1,
                        reason: .reportAccepted)
                ])
        }
    }

    @Test("a report from an unknown member is refused and writes nothing")
    func createUnknownReporter() async throws {
        let h = try await Harness.make()
        // Given no member 999, When it reports, Then noSuchMember
        try await h.expectRefusal(.noSuchMember("999")) { tx in
            try tx.createItem(NewItem(kind: .issue, text: "x", reporterID: 999, photoURLs: ["u"]))
        }
    }

    // MARK: - claim

    @Test("claim takes an open item")
    func claim() async throws {
        // Given an open item
        let h = try await Harness.make()
        let id = try await h.report(by: h.rider)
        h.clock.advance(hours: 2)
        let memberID = h.member1.id!
        // When a member claims it
        let outcome = try await h.run { tx in try tx.claim(itemID: id, by: memberID) }
        // Then it is claimed by the member, now, with an event
        #expect(outcome.item.status == .claimed)
        #expect(outcome.item.claimantID == memberID)
        #expect(outcome.item.claimedAt == TestClock.start.addingTimeInterval(7200))
        #expect(outcome.awards.isEmpty)
        let detail = try #require(try await h.store.read { tx in try tx.detail(itemID: id) })
        #expect(detail.events.map(\.action) == [.created, .claimed])
        #expect(detail.claimant == h.member1)
    }

    @Test("grid workers and the secretary may claim too")
    func claimRoles() async throws {
        // Given open items; When each supervising role claims one; Then it holds it
        let h = try await Harness.make()
        for claimant in [h.gridA, h.gridB, h.secretary] {
            let id = try await h.report(by: h.rider)
            let claimantID = claimant.id!
            let outcome = try await h.run { tx in try tx.claim(itemID: id, by: claimantID) }
            #expect(outcome.item.claimantID == claimantID)
        }
    }

    @Test("claim refusals")
    func claimRefusals() async throws {
        // Given an item claimed by Zhang San
        let h = try await Harness.make()
        let id = try await h.report(by: h.rider)
        let (m1, m2, rider, resident) = (h.member1.id!, h.member2.id!, h.rider.id!, h.resident.id!)
        _ = try await h.run { tx in try tx.claim(itemID: id, by: m1) }
        // Then riders and residents may not claim
        try await h.expectRefusal(.notAllowed(action: "claim", role: .rider)) { tx in
            try tx.claim(itemID: id, by: rider)
        }
        try await h.expectRefusal(.notAllowed(action: "claim", role: .resident)) { tx in
            try tx.claim(itemID: id, by: resident)
        }
        // And another member hears who holds it
        try await h.expectRefusal(.alreadyClaimed(item: id, by: "Zhang San")) { tx in try tx.claim(itemID: id, by: m2) }
        // And the holder hears it is already theirs
        try await h.expectRefusal(.alreadyYours(item: id)) { tx in try tx.claim(itemID: id, by: m1) }
        // And unknown items and members are named
        try await h.expectRefusal(.noSuchItem(4242)) { tx in try tx.claim(itemID: 4242, by: m2) }
        try await h.expectRefusal(.noSuchMember("777")) { tx in try tx.claim(itemID: id, by: 777) }
        // And a closed item cannot be claimed
        let closed = try await h.submitted(by: h.member2)
        let secretary = h.secretary.id!
        _ = try await h.run { tx in try tx.verify(itemID: closed, by: secretary, note: nil) }
        try await h.expectRefusal(.wrongState(item: closed, status: .closed, action: "claim")) { tx in
            try tx.claim(itemID: closed, by: m1)
        }
        // And a submitted item is still held by its claimant
        let submitted = try await h.submitted(by: h.member2)
        try await h.expectRefusal(.alreadyClaimed(item: submitted, by: "Li Si")) { tx in
            try tx.claim(itemID: submitted, by: m1)
        }
    }

    @Test("a member holds at most maxOpenClaims claimed items; submitted ones do not count")
    func maxOpenClaims() async throws {
        // Given a member holding three claimed items
        let h = try await Harness.make()
        let m1 = h.member1.id!
        var ids: [Int64] = []
        for _ in 0..<4 { ids.append(try await h.report(by: h.rider)) }
        for id in ids.prefix(3) {
            _ = try await h.run { tx in try tx.claim(itemID: id, by: m1) }
        }
        // When the member claims a fourth, Then it is refused and nothing changes
        let fourth = ids[3]
        try await h.expectRefusal(.tooManyClaims(limit: 3)) { tx in try tx.claim(itemID: fourth, by: m1) }
        // When one is submitted, Then there is room again
        let first = ids[0]
        _ = try await h.run { tx in try tx.submit(itemID: first, by: m1, note: nil, photoURLs: []) }
        let outcome = try await h.run { tx in try tx.claim(itemID: fourth, by: m1) }
        #expect(outcome.item.status == .claimed)
        // And a custom limit applies
        let strict = try await Harness.make(rules: PointRules(maxOpenClaims: 1))
        let a = try await strict.report(by: strict.rider)
        let b = try await strict.report(by: strict.rider)
        let sm1 = strict.member1.id!
        _ = try await strict.run { tx in try tx.claim(itemID: a, by: sm1) }
        try await strict.expectRefusal(.tooManyClaims(limit: 1)) { tx in try tx.claim(itemID: b, by: sm1) }
    }

    // MARK: - release

    @Test("the claimant, the secretary and the item's grid worker may release")
    func release() async throws {
        let h = try await Harness.make()
        let m1 = h.member1.id!
        for releaser in [h.member1, h.secretary, h.gridA] {
            // Given an item of grid A claimed by Zhang San
            let id = try await h.report(by: h.rider, grid: "A")
            _ = try await h.run { tx in try tx.claim(itemID: id, by: m1) }
            // When it is released
            let releaserID = releaser.id!
            let outcome = try await h.run { tx in try tx.release(itemID: id, by: releaserID) }
            // Then it is open again with nobody holding it, and the event names who released it
            #expect(outcome.item.status == .open)
            #expect(outcome.item.claimantID == nil)
            #expect(outcome.item.claimedAt == nil)
            let events = try await h.store.read { tx in try tx.detail(itemID: id)!.events }
            #expect(events.last?.action == .released)
            #expect(events.last?.actorID == releaserID)
        }
    }

    @Test("release refusals")
    func releaseRefusals() async throws {
        // Given an item of grid A claimed by Zhang San
        let h = try await Harness.make()
        let id = try await h.report(by: h.rider, grid: "A")
        let (m1, m2, gb) = (h.member1.id!, h.member2.id!, h.gridB.id!)
        _ = try await h.run { tx in try tx.claim(itemID: id, by: m1) }
        // Then another member and the other grid's worker are told who holds it
        try await h.expectRefusal(.notClaimant(item: id, claimant: "Zhang San")) { tx in
            try tx.release(itemID: id, by: m2)
        }
        try await h.expectRefusal(.notClaimant(item: id, claimant: "Zhang San")) { tx in
            try tx.release(itemID: id, by: gb)
        }
        // And an open item cannot be released
        let open = try await h.report(by: h.rider)
        try await h.expectRefusal(.wrongState(item: open, status: .open, action: "release")) { tx in
            try tx.release(itemID: open, by: m1)
        }
    }

    // MARK: - submit

    @Test("the claimant submits with a note and proof photos")
    func submit() async throws {
        // Given a claimed item
        let h = try await Harness.make()
        let id = try await h.report(by: h.rider)
        let m1 = h.member1.id!
        _ = try await h.run { tx in try tx.claim(itemID: id, by: m1) }
        h.clock.advance(hours: 5)
        // When the claimant submits
        let outcome = try await h.run { tx in
            try tx.submit(itemID: id, by: m1, note: "fixed", photoURLs: ["proof.jpg"])
        }
        // Then it is submitted, with the note on the event and the photo stored; no points yet
        #expect(outcome.item.status == .submitted)
        #expect(outcome.item.submittedAt == TestClock.start.addingTimeInterval(5 * 3600))
        #expect(outcome.awards.isEmpty)
        let detail = try #require(try await h.store.read { tx in try tx.detail(itemID: id) })
        #expect(detail.events.last?.action == .submitted)
        #expect(detail.events.last?.note == "fixed")
        #expect(detail.photos.map(\.url) == ["proof.jpg"])
        #expect(detail.photos.first?.addedBy == m1)
        #expect(try await h.balance(h.member1).total == 0)
    }

    @Test("submit refusals")
    func submitRefusals() async throws {
        // Given an item claimed by Zhang San and an open item
        let h = try await Harness.make()
        let id = try await h.report(by: h.rider)
        let open = try await h.report(by: h.rider)
        let (m1, m2, sec) = (h.member1.id!, h.member2.id!, h.secretary.id!)
        _ = try await h.run { tx in try tx.claim(itemID: id, by: m1) }
        // Then only the claimant may submit, not even the secretary
        try await h.expectRefusal(.notClaimant(item: id, claimant: "Zhang San")) { tx in
            try tx.submit(itemID: id, by: m2, note: nil, photoURLs: ["p"])
        }
        try await h.expectRefusal(.notClaimant(item: id, claimant: "Zhang San")) { tx in
            try tx.submit(itemID: id, by: sec, note: nil, photoURLs: [])
        }
        // And an open item has no claimant
        try await h.expectRefusal(.notClaimant(item: open, claimant: nil)) { tx in
            try tx.submit(itemID: open, by: m1, note: nil, photoURLs: [])
        }
        // And submitting twice is a state error
        _ = try await h.run { tx in try tx.submit(itemID: id, by: m1, note: nil, photoURLs: []) }
        try await h.expectRefusal(.wrongState(item: id, status: .submitted, action: "submit")) { tx in
            try tx.submit(itemID: id, by: m1, note: nil, photoURLs: ["p"])
        }
    }

    // MARK: - verify and return

    @Test("the secretary or the item's grid worker verifies submitted work")
    func verify() async throws {
        let h = try await Harness.make()
        for verifier in [h.secretary, h.gridA] {
            // Given submitted work in grid A
            let id = try await h.submitted(by: h.member1)
            h.clock.advance(hours: 1)
            let verifierID = verifier.id!
            // When it is verified
            let outcome = try await h.run { tx in try tx.verify(itemID: id, by: verifierID, note: "good") }
            // Then it is closed, now, with a verified event
            #expect(outcome.item.status == .closed)
            #expect(outcome.item.closedAt == h.clock.now())
            let events = try await h.store.read { tx in try tx.detail(itemID: id)!.events }
            #expect(events.map(\.action) == [.created, .claimed, .submitted, .verified])
            #expect(events.last?.actorID == verifierID)
        }
    }

    @Test("verify refusals")
    func verifyRefusals() async throws {
        // Given submitted work in grid A
        let h = try await Harness.make()
        let id = try await h.submitted(by: h.member1)
        let (m1, m2, gb, rider) = (h.member1.id!, h.member2.id!, h.gridB.id!, h.rider.id!)
        // Then members, riders and the other grid's worker may not verify
        try await h.expectRefusal(.notAllowed(action: "verify", role: .member)) { tx in
            try tx.verify(itemID: id, by: m2, note: nil)
        }
        try await h.expectRefusal(.notAllowed(action: "verify", role: .member)) { tx in
            try tx.verify(itemID: id, by: m1, note: nil)
        }
        try await h.expectRefusal(.notAllowed(action: "verify", role: .rider)) { tx in
            try tx.verify(itemID: id, by: rider, note: nil)
        }
        try await h.expectRefusal(.notAllowed(action: "verify", role: .gridWorker)) { tx in
            try tx.verify(itemID: id, by: gb, note: nil)
        }
        // And work not yet submitted cannot be verified
        let claimed = try await h.report(by: h.rider)
        _ = try await h.run { tx in try tx.claim(itemID: claimed, by: m2) }
        let sec = h.secretary.id!
        try await h.expectRefusal(.wrongState(item: claimed, status: .claimed, action: "verify")) { tx in
            try tx.verify(itemID: claimed, by: sec, note: nil)
        }
        // And the secretary may not verify what she reported, nor what she claimed
        let reportedBySecretary = try await h.submitted(by: h.member1, reporter: h.secretary)
        try await h.expectRefusal(.ownItem(item: reportedBySecretary)) { tx in
            try tx.verify(itemID: reportedBySecretary, by: sec, note: nil)
        }
        let claimedBySecretary = try await h.submitted(by: h.secretary)
        try await h.expectRefusal(.ownItem(item: claimedBySecretary)) { tx in
            try tx.verify(itemID: claimedBySecretary, by: sec, note: nil)
        }
        // And a grid worker may not verify own work in the own grid
        let claimedByGridWorker = try await h.submitted(by: h.gridA)
        let ga = h.gridA.id!
        try await h.expectRefusal(.ownItem(item: claimedByGridWorker)) { tx in
            try tx.verify(itemID: claimedByGridWorker, by: ga, note: nil)
        }
    }

    @Test("return sends submitted work back to the claimant")
    func returnItem() async throws {
        // Given submitted work
        let h = try await Harness.make()
        let id = try await h.submitted(by: h.member1)
        let ga = h.gridA.id!
        // When the grid worker returns it
        let outcome = try await h.run { tx in try tx.returnItem(itemID: id, by: ga, reason: "photo unclear") }
        // Then it is claimed again by the same member, with the reason, and no points
        #expect(outcome.item.status == .claimed)
        #expect(outcome.item.claimantID == h.member1.id)
        #expect(outcome.item.submittedAt == nil)
        #expect(outcome.awards.isEmpty)
        let events = try await h.store.read { tx in try tx.detail(itemID: id)!.events }
        #expect(events.last?.action == .returned)
        #expect(events.last?.note == "photo unclear")
        // And the claimant can submit again
        let m1 = h.member1.id!
        let again = try await h.run { tx in try tx.submit(itemID: id, by: m1, note: nil, photoURLs: []) }
        #expect(again.item.status == .submitted)
    }

    @Test("return refusals")
    func returnRefusals() async throws {
        // Given submitted work in grid A and an open item; Then members, other grids and wrong states are refused
        let h = try await Harness.make()
        let id = try await h.submitted(by: h.member1)
        let open = try await h.report(by: h.rider)
        let (m1, gb, sec) = (h.member1.id!, h.gridB.id!, h.secretary.id!)
        try await h.expectRefusal(.notAllowed(action: "return", role: .member)) { tx in
            try tx.returnItem(itemID: id, by: m1, reason: nil)
        }
        try await h.expectRefusal(.notAllowed(action: "return", role: .gridWorker)) { tx in
            try tx.returnItem(itemID: id, by: gb, reason: nil)
        }
        try await h.expectRefusal(.wrongState(item: open, status: .open, action: "return")) { tx in
            try tx.returnItem(itemID: open, by: sec, reason: nil)
        }
    }

    // MARK: - escalate and resolve

    @Test("open and claimed items escalate; escalated items resolve to closed")
    func escalateAndResolve() async throws {
        let h = try await Harness.make()
        let (m1, sec, ga) = (h.member1.id!, h.secretary.id!, h.gridA.id!)
        // Given an open and a claimed item
        let open = try await h.report(by: h.rider)
        let claimed = try await h.report(by: h.rider)
        _ = try await h.run { tx in try tx.claim(itemID: claimed, by: m1) }
        // When both are escalated to the street office
        let first = try await h.run { tx in try tx.escalate(itemID: open, by: sec, to: "street office") }
        let second = try await h.run { tx in try tx.escalate(itemID: claimed, by: ga, to: nil) }
        // Then both are escalated; the claimed one keeps its claimant as history but frees the claim
        #expect(first.item.status == .escalated)
        #expect(first.item.escalatedTo == "street office")
        #expect(second.item.status == .escalated)
        #expect(second.item.claimantID == m1)
        #expect(try await h.store.read { tx in try tx.todo(memberID: m1) }.isEmpty)
        // When the department solved it, Then resolve closes it
        h.clock.advance(hours: 24)
        let resolved = try await h.run { tx in try tx.resolve(itemID: open, by: sec, note: "repaired") }
        #expect(resolved.item.status == .closed)
        #expect(resolved.item.closedAt == h.clock.now())
        let events = try await h.store.read { tx in try tx.detail(itemID: open)!.events }
        #expect(events.map(\.action) == [.created, .escalated, .resolved])
        #expect(events[1].note == "street office")
    }

    @Test("escalate and resolve refusals")
    func escalateRefusals() async throws {
        // Given an open item and submitted work
        // Then escalation and resolution outside their rights or states are refused
        let h = try await Harness.make()
        let (m1, sec, gb) = (h.member1.id!, h.secretary.id!, h.gridB.id!)
        let open = try await h.report(by: h.rider)
        let submitted = try await h.submitted(by: h.member2)
        try await h.expectRefusal(.notAllowed(action: "escalate", role: .member)) { tx in
            try tx.escalate(itemID: open, by: m1, to: nil)
        }
        try await h.expectRefusal(.notAllowed(action: "escalate", role: .gridWorker)) { tx in
            try tx.escalate(itemID: open, by: gb, to: nil)
        }
        try await h.expectRefusal(.wrongState(item: submitted, status: .submitted, action: "escalate")) { tx in
            try tx.escalate(itemID: submitted, by: sec, to: nil)
        }
        try await h.expectRefusal(.wrongState(item: open, status: .open, action: "resolve")) { tx in
            try tx.resolve(itemID: open, by: sec, note: nil)
        }
        _ = try await h.run { tx in try tx.escalate(itemID: open, by: sec, to: nil) }
        try await h.expectRefusal(.notAllowed(action: "resolve", role: .member)) { tx in
            try tx.resolve(itemID: open, by: m1, note: nil)
        }
        // An escalated item escalates again (a level up, `DepartmentRulesTests`); a closed one does not.
        _ = try await h.run { tx in try tx.resolve(itemID: open, by: sec, note: nil) }
        try await h.expectRefusal(.wrongState(item: open, status: .closed, action: "escalate")) { tx in
            try tx.escalate(itemID: open, by: sec, to: nil)
        }
    }

    // MARK: - merge

    @Test("open, claimed and escalated items merge into an original")
    func merge() async throws {
        // Given an original and three duplicates: open, claimed and escalated
        let h = try await Harness.make()
        let (m1, sec) = (h.member1.id!, h.secretary.id!)
        let original = try await h.report(by: h.rider)
        let open = try await h.report(by: h.rider2)
        let claimed = try await h.report(by: h.rider2)
        let escalated = try await h.report(by: h.rider2)
        _ = try await h.run { tx in
            _ = try tx.claim(itemID: claimed, by: m1)
            return try tx.escalate(itemID: escalated, by: sec, to: nil)
        }
        for id in [open, claimed, escalated] {
            // When it is merged as a duplicate
            let outcome = try await h.run { tx in try tx.merge(itemID: id, into: original, by: sec) }
            // Then it points at the original and is out of the open list
            #expect(outcome.item.status == .merged)
            #expect(outcome.item.duplicateOf == original)
            let events = try await h.store.read { tx in try tx.detail(itemID: id)!.events }
            #expect(events.last?.action == .merged)
        }
        let active = try await h.store.read { tx in try tx.openItems(grid: nil, limit: 10) }
        #expect(active.map(\.id) == [original])
        // And the freed claim no longer counts
        #expect(try await h.store.read { tx in try tx.todo(memberID: m1) }.isEmpty)
    }

    @Test("merge refusals")
    func mergeRefusals() async throws {
        // Given an original, a duplicate, a merged and a cancelled item, and submitted work
        let h = try await Harness.make()
        let (m1, sec, gb) = (h.member1.id!, h.secretary.id!, h.gridB.id!)
        let original = try await h.report(by: h.rider)
        let duplicate = try await h.report(by: h.rider2)
        let merged = try await h.report(by: h.rider2)
        let cancelled = try await h.report(by: h.rider2)
        _ = try await h.run { tx in
            _ = try tx.merge(itemID: merged, into: original, by: sec)
            return try tx.cancel(itemID: cancelled, by: sec, reason: nil, invalid: false)
        }
        let submitted = try await h.submitted(by: h.member2)
        // Then an item cannot be merged into itself, a merged or a cancelled item, or nothing
        try await h.expectRefusal(.invalidMerge(item: duplicate, into: duplicate)) { tx in
            try tx.merge(itemID: duplicate, into: duplicate, by: sec)
        }
        try await h.expectRefusal(.invalidMerge(item: duplicate, into: merged)) { tx in
            try tx.merge(itemID: duplicate, into: merged, by: sec)
        }
        try await h.expectRefusal(.invalidMerge(item: duplicate, into: cancelled)) { tx in
            try tx.merge(itemID: duplicate, into: cancelled, by: sec)
        }
        try await h.expectRefusal(.noSuchItem(9999)) { tx in try tx.merge(itemID: duplicate, into: 9999, by: sec) }
        // And only the secretary or the item's grid worker may merge
        try await h.expectRefusal(.notAllowed(action: "merge", role: .member)) { tx in
            try tx.merge(itemID: duplicate, into: original, by: m1)
        }
        try await h.expectRefusal(.notAllowed(action: "merge", role: .gridWorker)) { tx in
            try tx.merge(itemID: duplicate, into: original, by: gb)
        }
        // And submitted or already merged items are not merged
        try await h.expectRefusal(.wrongState(item: submitted, status: .submitted, action: "merge")) { tx in
            try tx.merge(itemID: submitted, into: original, by: sec)
        }
        try await h.expectRefusal(.wrongState(item: merged, status: .merged, action: "merge")) { tx in
            try tx.merge(itemID: merged, into: original, by: sec)
        }
    }

    // MARK: - cancel

    @Test("any non-terminal item can be cancelled", arguments: [ItemStatus.open, .claimed, .submitted, .escalated])
    func cancel(from status: ItemStatus) async throws {
        // Given an item in `status`
        let h = try await Harness.make()
        let (m1, sec, ga) = (h.member1.id!, h.secretary.id!, h.gridA.id!)
        let id = try await h.report(by: h.rider)
        _ = try await h.run { tx -> Outcome? in
            switch status {
            case .claimed: return try tx.claim(itemID: id, by: m1)
            case .submitted:
                _ = try tx.claim(itemID: id, by: m1)
                return try tx.submit(itemID: id, by: m1, note: nil, photoURLs: [])
            case .escalated: return try tx.escalate(itemID: id, by: sec, to: nil)
            default: return nil
            }
        }
        #expect(try await h.item(id).status == status)
        // When the grid worker of its grid cancels it
        let outcome = try await h.run { tx in try tx.cancel(itemID: id, by: ga, reason: "moved away", invalid: false) }
        // Then it is cancelled with the reason on the event
        #expect(outcome.item.status == .cancelled)
        let events = try await h.store.read { tx in try tx.detail(itemID: id)!.events }
        #expect(events.last?.action == .cancelled)
        #expect(events.last?.note == "moved away")
    }

    @Test("cancel refusals")
    func cancelRefusals() async throws {
        // Given an open item; Then riders, members and other grids may not cancel, nor may anyone cancel twice
        let h = try await Harness.make()
        let (m1, sec, gb, rider) = (h.member1.id!, h.secretary.id!, h.gridB.id!, h.rider.id!)
        let open = try await h.report(by: h.rider)
        try await h.expectRefusal(.notAllowed(action: "cancel", role: .rider)) { tx in
            try tx.cancel(itemID: open, by: rider, reason: nil, invalid: true)
        }
        try await h.expectRefusal(.notAllowed(action: "cancel", role: .member)) { tx in
            try tx.cancel(itemID: open, by: m1, reason: nil, invalid: false)
        }
        try await h.expectRefusal(.notAllowed(action: "cancel", role: .gridWorker)) { tx in
            try tx.cancel(itemID: open, by: gb, reason: nil, invalid: true)
        }
        _ = try await h.run { tx in try tx.cancel(itemID: open, by: sec, reason: nil, invalid: false) }
        try await h.expectRefusal(.wrongState(item: open, status: .cancelled, action: "cancel")) { tx in
            try tx.cancel(itemID: open, by: sec, reason: nil, invalid: true)
        }
        let closed = try await h.submitted(by: h.member1)
        _ = try await h.run { tx in try tx.verify(itemID: closed, by: sec, note: nil) }
        try await h.expectRefusal(.wrongState(item: closed, status: .closed, action: "cancel")) { tx in
            try tx.cancel(itemID: closed, by: sec, reason: nil, invalid: true)
        }
    }

    // MARK: - assign

    @Test("assign dispatches an open item to a member, beyond the claim limit")
    func assign() async throws {
        // Given a member already holding the maximum of claims
        let h = try await Harness.make(rules: PointRules(maxOpenClaims: 1))
        let (m1, sec) = (h.member1.id!, h.secretary.id!)
        let held = try await h.report(by: h.rider)
        _ = try await h.run { tx in try tx.claim(itemID: held, by: m1) }
        let id = try await h.report(by: h.rider)
        // When the secretary assigns another item to the member
        let outcome = try await h.run { tx in try tx.assign(itemID: id, to: m1, by: sec) }
        // Then the member holds it, and the event names the secretary as actor
        #expect(outcome.item.status == .claimed)
        #expect(outcome.item.claimantID == m1)
        #expect(outcome.item.claimedAt == TestClock.start)
        let events = try await h.store.read { tx in try tx.detail(itemID: id)!.events }
        #expect(events.last?.action == .assigned)
        #expect(events.last?.actorID == sec)
        #expect(events.last?.note == "Zhang San")
        #expect(try await h.store.read { tx in try tx.todo(memberID: m1) }.map(\.id) == [held, id])
    }

    @Test("assign refusals")
    func assignRefusals() async throws {
        // Given an open item; Then only supervisors assign, only to claiming roles, and never a held item
        let h = try await Harness.make()
        let (m1, m2, sec, rider, gb) = (h.member1.id!, h.member2.id!, h.secretary.id!, h.rider.id!, h.gridB.id!)
        let id = try await h.report(by: h.rider)
        try await h.expectRefusal(.notAllowed(action: "assign", role: .member)) { tx in
            try tx.assign(itemID: id, to: m2, by: m1)
        }
        try await h.expectRefusal(.notAllowed(action: "assign", role: .gridWorker)) { tx in
            try tx.assign(itemID: id, to: m2, by: gb)
        }
        try await h.expectRefusal(.notAllowed(action: "claim", role: .rider)) { tx in
            try tx.assign(itemID: id, to: rider, by: sec)
        }
        try await h.expectRefusal(.noSuchMember("555")) { tx in try tx.assign(itemID: id, to: 555, by: sec) }
        _ = try await h.run { tx in try tx.claim(itemID: id, by: m1) }
        try await h.expectRefusal(.alreadyClaimed(item: id, by: "Zhang San")) { tx in
            try tx.assign(itemID: id, to: m2, by: sec)
        }
        try await h.expectRefusal(.alreadyYours(item: id)) { tx in try tx.assign(itemID: id, to: m1, by: sec) }
    }

    // MARK: - photos

    @Test("photos can be added later, by a member or the system")
    func addPhotos() async throws {
        // Given a report with one photo
        // When photos are added by the rider and by the system, Then all are listed in order
        let h = try await Harness.make()
        let id = try await h.report(by: h.rider, photos: ["first"])
        let rider = h.rider.id!
        let added = try await h.run { tx in try tx.addPhotos(itemID: id, urls: ["second", "third"], by: rider) }
        #expect(added.map(\.url) == ["second", "third"])
        #expect(added.allSatisfy { $0.id != nil })
        _ = try await h.run { tx in try tx.addPhotos(itemID: id, urls: ["system"], by: nil) }
        let detail = try #require(try await h.store.read { tx in try tx.detail(itemID: id) })
        #expect(detail.photos.map(\.url) == ["first", "second", "third", "system"])
        #expect(detail.events.map(\.action) == [.created, .photoAdded, .photoAdded])
        // And the server can record its download
        let photoID = added[0].id!
        try await h.run { tx in try tx.updatePhoto(id: photoID, localPath: "/photos/2.jpg", sha256: "abc") }
        let stored = try await h.store.read { tx in try tx.detail(itemID: id)!.photos[1] }
        #expect(stored.localPath == "/photos/2.jpg")
        #expect(stored.sha256 == "abc")
        try await h.expectRefusal(.noSuchItem(31)) { tx in try tx.addPhotos(itemID: 31, urls: ["x"], by: nil) }
    }
}
