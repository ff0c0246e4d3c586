/// The politeness gate: the starts of consecutive requests of one client are at least
/// ``interval`` apart, however many tasks share the client.
///
/// arXiv asks robots for no more than one request every three seconds and answers 503 to those
/// who send more. An actor serialises the bookkeeping, so concurrent callers cannot both see a free
/// slot: a caller claims its start only when, at that very moment, the previous claim is at least
/// ``interval`` old (or a server-requested hold-off has passed), and otherwise sleeps and looks
/// again. The claim is taken immediately before the request goes out, so the gap measured from the
/// server matches the gap enforced here.
actor RequestGate {
    private let interval: Duration
    private let clock = ContinuousClock()
    /// The earliest instant the next request may start; `nil` before the first request.
    private var nextStart: ContinuousClock.Instant?

    init(interval: Duration) {
        self.interval = interval
    }

    /// Waits until this caller may start a request and claims that start.
    ///
    /// Throws `CancellationError` when the task is cancelled while waiting.
    func waitTurn() async throws {
        while true {
            let now = clock.now
            if let nextStart, now < nextStart {
                try await clock.sleep(until: nextStart)
                continue
            }
            nextStart = now + interval
            return
        }
    }

    /// Delays every later request until `delay` from now (a server's `Retry-After`, or backoff):
    /// when arXiv says it is busy, it is busy for all of this client's requests, not only the one
    /// that was refused.
    func holdOff(for delay: Duration) {
        let until = clock.now + delay
        if let nextStart, nextStart >= until { return }
        nextStart = until
    }
}
