import Dispatch
import Foundation

/// A batch of independent items split into contiguous parts, one thread each, and the parts' results
/// joined back in item order: the one way a command spreads per-item work (featurizing a shortlist's
/// candidates, its bar's noise sample, a new weak-negative sample) over the machine's two cores.
///
/// Each part gets its own state from `makeState` (a ``Featurizer`` and its buffers are not shared between
/// threads), and every item's result depends on that item alone, so the output is the same for any split
/// and bit-identical to a loop on one thread.
public enum ConcurrentParts {
    /// How many parts `count` items are worth: one per core, but none smaller than `minimumPerPart`
    /// (below that, starting a thread costs more than it saves).
    public static func parts(for count: Int, minimumPerPart: Int) -> Int {
        max(1, min(ProcessInfo.processInfo.activeProcessorCount, count / max(minimumPerPart, 1)))
    }

    /// `transform(&state, i)` for every `i` in `0 ..< count`, in order, over ``parts(for:minimumPerPart:)``
    /// threads, each with state from `makeState()`.
    ///
    /// The closures run on several threads at once, so they may read what they capture but change only
    /// the state they are given (which the type system cannot say of a non-`Sendable` capture such as a
    /// ``Featurizer`` to copy; hence the unchecked hand-over below, safe because the parts are joined
    /// before this returns).
    public static func map<State, Result>(
        _ count: Int, minimumPerPart: Int = 64, makeState: () -> State, _ transform: (inout State, Int) -> Result
    ) -> [Result] {
        let parts = parts(for: count, minimumPerPart: minimumPerPart)
        guard parts > 1 else {
            var state = makeState()
            return (0 ..< count).map { transform(&state, $0) }
        }
        let slots = PartSlots<Result>(count: parts)
        withoutActuallyEscaping(makeState) { makeState in
            withoutActuallyEscaping(transform) { transform in
                nonisolated(unsafe) let makeState = makeState
                nonisolated(unsafe) let transform = transform
                DispatchQueue.concurrentPerform(iterations: parts) { part in
                    var state = makeState()
                    let range = (count * part / parts) ..< (count * (part + 1) / parts)
                    slots.store(range.map { transform(&state, $0) }, at: part)
                }
            }
        }
        return slots.joined()
    }

    /// `body(part)` for every `part` in `0 ..< parts`, one thread each, the results in part order: for work
    /// whose split the caller fixes itself (a whole-library scan in halves, ``Int8FirstPass``). `body` may
    /// read what it captures but must write only what it returns.
    public static func perPart<Result>(_ parts: Int, _ body: (Int) -> Result) -> [Result] {
        guard parts > 1 else { return parts == 1 ? [body(0)] : [] }
        let slots = PartSlots<Result>(count: parts)
        withoutActuallyEscaping(body) { body in
            nonisolated(unsafe) let body = body
            DispatchQueue.concurrentPerform(iterations: parts) { part in slots.store([body(part)], at: part) }
        }
        return slots.joined()
    }
}

/// The results of one ``ConcurrentParts/map(_:minimumPerPart:makeState:_:)``, each slot written by exactly
/// one part.
private final class PartSlots<Result>: @unchecked Sendable {
    private var slots: [[Result]]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: [], count: count) }

    func store(_ results: [Result], at part: Int) { lock.withLock { slots[part] = results } }

    func joined() -> [Result] { lock.withLock { slots.flatMap { $0 } } }
}
