import Foundation
import Recommender

/// The wall-clock phases of an evaluation run: each ``mark(_:_:progress:)`` stores the seconds since the
/// previous mark under a phase name (the report's `phases`, to the millisecond) and prints one progress line
/// with the time since the start.
struct PhaseClock {
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    private var last: ContinuousClock.Instant
    private(set) var phases: [String: Double] = [:]

    init() {
        started = clock.now
        last = started
    }

    mutating func mark(_ name: String, _ message: String, progress: (String) -> Void) {
        let now = clock.now
        phases[name] = ((now - last).seconds * 1000).rounded() / 1000
        last = now
        progress(String(format: "%6.1fs  %@", (now - started).seconds, message))
    }

    /// Seconds since the start, to the hundredth (the report's `seconds`).
    var elapsed: Double { ((clock.now - started).seconds * 100).rounded() / 100 }
}
