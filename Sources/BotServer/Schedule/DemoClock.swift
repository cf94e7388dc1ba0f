import Foundation
import Synchronization

/// The demo's clock: real time moved on by the simulator's 时间 control, so a newcomer sees a
/// reminder, an overdue notice or Monday's report without waiting days. Only the open demo (no
/// platform configured) runs on it; the offset lives in memory, so a restart returns to real time.
final class DemoClock: Sendable {
    private let offset = Mutex<TimeInterval>(0)

    var now: @Sendable () -> Date {
        { [self] in Date().addingTimeInterval(offset.withLock { $0 }) }
    }

    func advance(by seconds: TimeInterval) {
        offset.withLock { $0 += max(0, seconds) }
    }
}
