/// The best `k` of a stream of scores met in increasing index order, in the ranking order of
/// ``topK(_:k:excluding:)``, without holding the scores: what a whole-library first pass keeps while it
/// scores block by block (``Int8FirstPass``).
///
/// Why not the heap of `topK`: a first pass keeps thousands of rows (``Int8FirstPass`` after a prefix
/// pass keeps 8,192 of 2.7 M), and every row that enters a heap that size costs a sift of 13 levels. Here a
/// row that beats ``threshold`` is only appended; when `2k` are held, a selection (O(k)) keeps the best `k`
/// and raises the threshold to the worst of them. Indices only grow, so a later row that merely ties the
/// threshold ranks below every row kept and is rightly left out: the result is exactly `topK`'s.
///
/// Edge cases: NaN and `-infinity` are never kept (`topK` keeps `-infinity` when fewer than `k` others
/// remain; the first pass never offers it, as no healthy row scores it).
struct StreamingTopK {
    let k: Int
    /// A score must be greater than this to be kept: the worst kept score once `k` have been kept.
    private(set) var threshold: Float = -.infinity
    private var held: [ScoredIndex] = []

    init(k: Int) {
        self.k = max(0, k)
        held.reserveCapacity(2 * self.k)
    }

    /// Offers `score` for `index`, which must be greater than every index offered before.
    @inline(__always)
    mutating func offer(_ score: Float, index: Int) {
        guard score > threshold, k > 0 else { return }
        held.append(ScoredIndex(index: index, score: score))
        if held.count >= 2 * k { trim() }
    }

    /// The best `k` offered, best first.
    var best: [ScoredIndex] {
        var result = held
        if result.count > k { Self.selectBest(k, in: &result); result.removeLast(result.count - k) }
        return result.sorted { $0.ranksAbove($1) }
    }

    /// Keeps the best `k` held and raises the threshold to the worst of them.
    private mutating func trim() {
        Self.selectBest(k, in: &held)
        held.removeLast(held.count - k)
        threshold = held.min { $0.score < $1.score }.map(\.score) ?? threshold
    }

    /// Reorders `elements` so that its first `k` are its best `k` (``ScoredIndex/ranksAbove(_:)``, a strict
    /// order: indices are distinct), in no particular order. Quickselect with pivots at positions drawn from
    /// a fixed-seed generator: the held rows arrive in row order, and a library repeats its topics in that
    /// order, which led a median of three astray (perf, session 10). After 64 rounds the rest is sorted,
    /// so the worst case is O(n log n).
    static func selectBest(_ k: Int, in elements: inout [ScoredIndex]) {
        guard k > 0, k < elements.count else { return }
        var random = SplitMix64(seed: 0x5eed)
        elements.withUnsafeMutableBufferPointer { items in
            var low = 0
            var high = items.count - 1
            var rounds = 0
            while low < high {
                rounds += 1
                if rounds > 64 {
                    let sorted = items[low...high].sorted { $0.ranksAbove($1) }
                    for (offset, item) in sorted.enumerated() { items[low + offset] = item }
                    return
                }
                items.swapAt(low + Int(random.next() % UInt64(high - low + 1)), high)
                let pivot = items[high]
                var store = low
                for i in low..<high where items[i].ranksAbove(pivot) {
                    items.swapAt(i, store)
                    store += 1
                }
                items.swapAt(store, high)
                // Items low..<store rank above the pivot, now at `store`.
                if store == k - 1 || store == k { return }
                if store > k { high = store - 1 } else { low = store + 1 }
            }
        }
    }
}
