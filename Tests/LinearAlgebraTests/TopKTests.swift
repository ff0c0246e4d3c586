@testable import LinearAlgebra
import Testing

/// `topK` against a full sort of the eligible scores.
struct TopKTests {
    /// The reference: drop NaN and excluded, sort by score descending then index ascending, keep k.
    static func reference(_ scores: [Float], k: Int, excluding: Set<Int>) -> [ScoredIndex] {
        let eligible = scores.enumerated()
            .filter { !$0.element.isNaN && !excluding.contains($0.offset) }
            .map { ScoredIndex(index: $0.offset, score: $0.element) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.index < $1.index }
        return Array(eligible.prefix(max(k, 0)))
    }

    @Test(arguments: 0 ..< 40)
    func matchesFullSortWithTiesNaNAndExclusions(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed))
        let n = Int(generator.next() % 300)
        // Few distinct values, so ties are everywhere; some NaN and infinities.
        let scores: [Float] = (0 ..< n).map { _ in
            switch generator.next() % 20 {
            case 0: .nan
            case 1: .infinity
            case 2: -.infinity
            default: Float(generator.next() % 7) / 2 - 1
            }
        }
        let excluding: Set<Int> = seed % 2 == 0 ? [] : Set((0 ..< 5).map { _ in Int(generator.next() % UInt64(max(n, 1))) })
        for k in [0, 1, 2, 10, 50, n, n + 5] {
            let expected = Self.reference(scores, k: k, excluding: excluding)
            #expect(topK(scores, k: k, excluding: excluding) == expected, "seed \(seed) k \(k)")
            let fromBuffer = scores.withUnsafeBufferPointer { topK($0, k: k, excluding: excluding) }
            #expect(fromBuffer == expected)
        }
    }

    @Test func edges() {
        #expect(topK([], k: 5) == [])
        #expect(topK([1, 2, 3], k: 0) == [])
        #expect(topK([1, 2, 3], k: -1) == [])
        #expect(topK([.nan, .nan], k: 2) == [])
        #expect(topK([3, 1, 2], k: 10).map(\.index) == [0, 2, 1])
        #expect(topK([5, 5, 5, 5], k: 2).map(\.index) == [0, 1])
        #expect(topK([5, 9, 5, 5], k: 3, excluding: [1, 2]).map(\.index) == [0, 3])
        #expect(topK([1, 2, 3], k: 3, excluding: [0, 1, 2]) == [])
        #expect(topK([0.5, .nan, 0.7], k: 2) == [ScoredIndex(index: 2, score: 0.7), ScoredIndex(index: 0, score: 0.5)])
    }

    /// The streaming selection of a first pass against `topK` (and so the full sort): ties everywhere,
    /// scores offered one at a time in index order, `k` small and large against the stream so that it
    /// trims many times, never, or keeps everything.
    @Test(arguments: 0 ..< 30)
    func theStreamingSelectionKeepsWhatTopKKeeps(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(1_000 + seed))
        let n = Int(generator.next() % 5_000)
        let distinct = UInt64(seed % 3 == 0 ? 5 : 1_000)
        let scores: [Float] = (0 ..< n).map { _ in
            generator.next() % 50 == 0 ? .nan : Float(generator.next() % distinct) / Float(distinct) - 0.5
        }
        for k in [0, 1, 3, 64, 700, n, n + 1] {
            var selection = StreamingTopK(k: k)
            for (index, score) in scores.enumerated() { selection.offer(score, index: index) }
            #expect(selection.best == topK(scores, k: k), "n \(n), k \(k)")
        }
    }

    /// The selection's quickselect on an order built to defeat a median of three (a sorted, a reversed
    /// and an organ-pipe stream) still keeps exactly the best.
    @Test func theSelectionSurvivesAdversarialOrders() {
        let n = 20_000
        let orders: [[Float]] = [
            (0 ..< n).map { Float($0) }, (0 ..< n).map { Float(n - $0) },
            (0 ..< n).map { Float(min($0, n - $0)) },
        ]
        for scores in orders {
            var selection = StreamingTopK(k: 1_000)
            for (index, score) in scores.enumerated() { selection.offer(score, index: index) }
            #expect(selection.best == topK(scores, k: 1_000))
        }
    }
}
