import Foundation
import Synchronization

/// The store's clock in tests: time moves only when the test says, so a 300-second window is
/// crossed without waiting.
final class ManualClock: Sendable {
    private let current = Mutex(Date(timeIntervalSince1970: 1_767_571_200))

    var now: @Sendable () -> Date {
        { [self] in current.withLock { $0 } }
    }

    func advance(seconds: Double) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}
