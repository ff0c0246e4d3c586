/// A row index with its score, as returned by `topK(_:k:excluding:)`.
public struct ScoredIndex: Hashable, Sendable {
    public let index: Int
    public let score: Float

    public init(index: Int, score: Float) {
        self.index = index
        self.score = score
    }

    /// The ranking order of `topK`: a higher score first, and on equal scores the lower index first, so that a
    /// ranking never depends on the order in which equal scores were met.
    @inline(__always)
    public func ranksAbove(_ other: ScoredIndex) -> Bool {
        score > other.score || (score == other.score && index < other.index)
    }
}

/// The `k` highest scores with their indices, best first; ties go to the lower index, so the result is
/// deterministic.
///
/// A partial selection: a `k`-element min-heap whose root is the worst score kept, so each further score
/// costs one comparison unless it beats that root. `excluding` is consulted only for scores that would enter
/// the heap, so excluding a few indices (the query itself) costs nothing on the scan.
///
/// Edge Cases: NaN scores are never selected; `k <= 0` or an empty `scores` gives `[]`; `k` larger than the
/// number of eligible scores gives all of them, sorted.
///
/// - Complexity: O(n log k) in the worst case, O(n + k log k) when most scores lose to the root.
public func topK(_ scores: UnsafeBufferPointer<Float>, k: Int, excluding: Set<Int> = []) -> [ScoredIndex] {
    guard k > 0, !scores.isEmpty else { return [] }
    var heap = _WorstFirstHeap(capacity: min(k, scores.count))
    for (index, score) in scores.enumerated() {
        if heap.isFull {
            // Indices arrive in increasing order, so a later equal score ranks below the root: only a
            // strictly greater score can enter. The comparison is also false for NaN.
            guard score > heap.worst.score else { continue }
            if !excluding.isEmpty && excluding.contains(index) { continue }
            heap.replaceWorst(with: ScoredIndex(index: index, score: score))
        } else {
            if score.isNaN { continue }
            if !excluding.isEmpty && excluding.contains(index) { continue }
            heap.insert(ScoredIndex(index: index, score: score))
        }
    }
    return heap.elements.sorted { $0.ranksAbove($1) }
}

/// The `k` highest scores with their indices, best first; see `topK(_:k:excluding:)` over a buffer.
///
/// - Complexity: O(n log k).
public func topK(_ scores: [Float], k: Int, excluding: Set<Int> = []) -> [ScoredIndex] {
    scores.withUnsafeBufferPointer { topK($0, k: k, excluding: excluding) }
}

/// A bounded binary heap whose root is the element that ranks lowest.
struct _WorstFirstHeap {
    private(set) var elements: [ScoredIndex]
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        elements = []
        elements.reserveCapacity(capacity)
    }

    var isFull: Bool { elements.count == capacity }
    var worst: ScoredIndex { elements[0] }

    mutating func insert(_ element: ScoredIndex) {
        elements.append(element)
        var child = elements.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard elements[parent].ranksAbove(elements[child]) else { break }
            elements.swapAt(parent, child)
            child = parent
        }
    }

    mutating func replaceWorst(with element: ScoredIndex) {
        let count = elements.count
        elements.withUnsafeMutableBufferPointer { heap in
            var parent = 0
            while true {
                let left = 2 * parent + 1
                guard left < count else { break }
                var lower = left
                let right = left + 1
                if right < count && heap[left].ranksAbove(heap[right]) { lower = right }
                guard element.ranksAbove(heap[lower]) else { break }
                heap[parent] = heap[lower]
                parent = lower
            }
            heap[parent] = element
        }
    }
}
