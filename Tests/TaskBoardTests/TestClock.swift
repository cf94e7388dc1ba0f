import Foundation
import Synchronization

/// A clock the tests set and advance, so deadlines and periods are tested without waiting.
final class TestClock: Sendable {
    /// 2026-01-05 00:00:00 UTC, a Monday; whole seconds so stored dates compare exactly.
    static let start = Date(timeIntervalSince1970: 1_767_571_200)

    private let current = Mutex(TestClock.start)

    /// The store's clock.
    var now: @Sendable () -> Date {
        { [self] in current.withLock { $0 } }
    }

    func advance(hours: Double) {
        current.withLock { $0 = $0.addingTimeInterval(hours * 3600) }
    }

    func set(_ date: Date) {
        current.withLock { $0 = date }
    }
}
