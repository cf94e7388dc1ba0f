import Foundation
import Testing

@testable import TaskBoard

@Suite("Members")
struct MemberTests {
    @Test("upsert creates, then updates role and grid, and the name only when given")
    func upsert() async throws {
        // Given an empty board
        let store = try BoardStore.inMemory()
        // When a sender is seen without a name
        let created = try await store.write { tx in
            try tx.upsertMember(platformID: "wx-1", name: nil, role: .rider, grid: "A")
        }
        // Then it is named by its platform id for now
        #expect(created.name == "wx-1")
        #expect(created.role == .rider)
        #expect(created.registeredAt == nil)
        // When it is seen again with an empty name and a new role and grid
        let updated = try await store.write { tx in
            try tx.upsertMember(platformID: "wx-1", name: "", role: .gridWorker, grid: "B")
        }
        // Then the same row changed role and grid but kept the name
        #expect(updated.id == created.id)
        #expect(updated.name == "wx-1")
        #expect(updated.role == .gridWorker)
        #expect(updated.grid == "B")
        // When a name is given, Then it is taken
        let named = try await store.write { tx in
            try tx.upsertMember(platformID: "wx-1", name: "Chen", role: .gridWorker, grid: "B")
        }
        #expect(named.name == "Chen")
        let count = try await store.read { tx in try tx.members().count }
        #expect(count == 1)
    }

    @Test("register sets name, role and registration time, keeping the grid")
    func register() async throws {
        // Given a rider known by grid
        let clock = TestClock()
        let store = try BoardStore.inMemory(clock: clock.now)
        _ = try await store.write { tx in try tx.upsertMember(platformID: "wx-1", name: nil, role: .rider, grid: "A") }
        clock.advance(hours: 1)
        // When the rider registers as a party member
        let member = try await store.write { tx in try tx.register(platformID: "wx-1", name: "Zhou", role: .member) }
        // Then name, role and registeredAt are set, the grid kept
        #expect(member.name == "Zhou")
        #expect(member.role == .member)
        #expect(member.grid == "A")
        #expect(member.registeredAt == TestClock.start.addingTimeInterval(3600))
        #expect(member.createdAt == TestClock.start)
        let fetched = try await store.read { tx in try tx.member(id: member.id!) }
        #expect(fetched == member)
        // And a new sender registering is created registered
        let fresh = try await store.write { tx in try tx.register(platformID: "wx-2", name: "Wu", role: .member) }
        #expect(fresh.registeredAt != nil)
    }
}
