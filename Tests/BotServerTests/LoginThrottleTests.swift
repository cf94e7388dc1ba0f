import Foundation
import Testing

@testable import BotServer

/// Parallel guesses cannot outrun the lock, and the throttle's memory stays bounded.
@Suite struct LoginThrottleTests {
    @Test func parallelAttemptsGetAtMostTheLimitOfChecks() async {
        let throttle = LoginThrottle(maxFailures: 5, lockoutMinutes: 15, maxConcurrentChecks: 100)
        // 40 requests arrive before any bcrypt check ends.
        var admitted = 0
        for _ in 0..<40 {
            if (try? await throttle.begin("sec")) != nil { admitted += 1 }
        }
        #expect(admitted == 5)
        for _ in 0..<admitted { await throttle.finish("sec", succeeded: false) }
        #expect(await throttle.lockedUntil("sec") != nil)
    }

    @Test func aSuccessClearsTheNameAndBusyIsSaid() async throws {
        let throttle = LoginThrottle(maxFailures: 3, lockoutMinutes: 15, maxConcurrentChecks: 1)
        try await throttle.begin("gw")
        await #expect(throws: LoginThrottle.Refusal.busy) { try await throttle.begin("sec") }
        await throttle.finish("gw", succeeded: true)
        try await throttle.begin("sec")
        await throttle.finish("sec", succeeded: false)
        #expect(await throttle.lockedUntil("sec") == nil)
    }

    @Test func manyNamesAreForgottenOldestFirst() async {
        let throttle = LoginThrottle(maxFailures: 3, lockoutMinutes: 15, maxConcurrentChecks: 10, maxNames: 100)
        let start = Date()
        for n in 0..<1_000 {
            let now = start.addingTimeInterval(Double(n))
            try? await throttle.begin("name-\(n)", now: now)
            await throttle.finish("name-\(n)", succeeded: false, now: now)
        }
        #expect(await throttle.rememberedNames <= 100)
    }
}
