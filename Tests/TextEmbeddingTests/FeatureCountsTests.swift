import Foundation
import LinearAlgebra
import Synchronization
import Testing
import TestSupport
@testable import TextEmbedding

/// ``FeatureCounts`` — raw memory, copied on write — counts like a dictionary that remembers first
/// occurrences, across growth, clearing and copies.
struct FeatureCountsTests {
    /// Keys with repeats, colliding table slots (equal high halves) and more distinct keys than the
    /// initial table holds, against a dictionary + array reference; then cleared and filled again.
    @Test func countsMatchADictionaryAcrossGrowthAndClearing() {
        var counts = FeatureCounts(capacity: 16)
        var random = SeededGenerator(seed: 7)
        for round in 0 ..< 3 {
            counts.removeAll()
            var order: [UInt64] = []
            var reference: [UInt64: (count: Int32, kind: FeatureKind)] = [:]
            for _ in 0 ..< 3_000 {
                // Few high halves: many keys probe the same slots.
                let key = UInt64(random.below(40)) << 32 | UInt64(random.below(400 * (round + 1)))
                let kind = FeatureKind.allCases[Int(key % 5)]
                let first = counts.add(key, kind: kind)
                #expect(first == (reference[key] == nil))
                if let seen = reference[key] {
                    reference[key] = (seen.count + 1, seen.kind)
                } else {
                    reference[key] = (1, kind)
                    order.append(key)
                }
            }
            #expect(counts.count == order.count)
            #expect(Array(counts.keys) == order)
            #expect(Array(counts.counts) == order.map { reference[$0]?.count ?? 0 })
            #expect(Array(counts.kinds) == order.map { reference[$0]?.kind ?? .wordUnigram })
        }
    }

    /// A copy keeps its own counts: the two are filled differently after the copy.
    @Test func aCopyIsIndependent() {
        var original = FeatureCounts(capacity: 16)
        for key in 0 ..< 100 as Range<UInt64> { _ = original.add(key << 32 | key, kind: .wordUnigram) }
        var copy = original
        copy.removeAll()
        for key in 0 ..< 10 as Range<UInt64> { _ = copy.add(key, kind: .cjkWord) }
        #expect(original.count == 100)
        #expect(Array(original.keys) == (0 ..< 100).map { $0 << 32 | $0 })
        #expect(copy.count == 10)
        #expect(Array(copy.kinds) == [FeatureKind](repeating: .cjkWord, count: 10))
    }

    /// Copies of one featurizer used on two threads at once give the vectors one featurizer gives alone:
    /// each copy's first text makes the shared table its own.
    @Test func copiesOfAFeaturizerOnTwoThreadsAgreeWithOne() throws {
        let model = try FittedModels.standard.get()
        let texts = try CorpusSample.papers(200, every: 97).map(\.text)
        var featurizer = Featurizer(model: model)
        let expected = texts.map { featurizer.sparse($0) }
        nonisolated(unsafe) let copies = [featurizer, featurizer]
        let results = Mutex([[SparseVector]](repeating: [], count: 2))
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            var own = copies[part]
            let vectors = texts.map { own.sparse($0) }
            results.withLock { $0[part] = vectors }
        }
        results.withLock { results in
            #expect(results[0] == expected)
            #expect(results[1] == expected)
        }
    }
}
