import Foundation
import LinearAlgebra

/// Learns a ``TermTable`` from fitted pairs (a paper's English text and its Chinese text): for each Chinese
/// word, the English content buckets that co-occur with it most consistently (Ochiai coefficient over the
/// pairs, ``TermTableSettings``). Comparable texts, not line-by-line translations, are enough: 点云 is in
/// the Chinese summary of nearly every paper whose abstract says "point cloud", and in few others.
///
/// Cost: one pass over each pair's Chinese words × its English buckets (~60 × 150), two threads.
struct TermTableLearner {
    let settings: TermTableSettings
    let definition: ModelDefinition
    let idf: [Float]
    let lexicon: ChineseLexicon?

    /// One pair's buckets: the Chinese words of its Chinese text, and the English content buckets of its
    /// English text with their signs.
    struct PairBuckets {
        var chinese: [Int32]
        var english: [Int32]
        var englishNegative: [Bool]
    }

    /// The buckets of every pair.
    func buckets(of pairs: [CalibrationPair]) -> [PairBuckets] {
        var words = definition
        words.weights.wordUnigram = 0
        words.weights.wordBigram = 0
        var chinese = Featurizer(definition: words, idf: idf, lexicon: lexicon)
        var english = Featurizer(definition: definition, idf: idf, lexicon: lexicon)
        return pairs.map { pair in
            let e = english.sparse(pair.english)
            return PairBuckets(
                chinese: chinese.sparse(pair.chinese).indices, english: e.indices, englishNegative: e.values.map { $0 < 0 })
        }
    }

    func learn(_ pairs: [CalibrationPair]) -> TermTable {
        let pairBuckets = buckets(of: pairs)
        let bucketCount = definition.bucketCount
        var chineseFrequency = [Int32](repeating: 0, count: bucketCount)
        var englishFrequency = [Int32](repeating: 0, count: bucketCount)
        // An English bucket's sign in English texts: the first text's (a bucket shared by two features
        // of opposite signs is rare, and either sign is then as good).
        var englishNegative = [Bool](repeating: false, count: bucketCount)
        var signKnown = [Bool](repeating: false, count: bucketCount)
        for pair in pairBuckets {
            for z in pair.chinese { chineseFrequency[Int(z)] += 1 }
            for (e, negative) in zip(pair.english, pair.englishNegative) {
                englishFrequency[Int(e)] += 1
                if !signKnown[Int(e)] {
                    signKnown[Int(e)] = true
                    englishNegative[Int(e)] = negative
                }
            }
        }
        let minimum = Int32(clamping: settings.minimumDocumentFrequency)
        // Postings: the pairs each frequent Chinese word is in.
        let words = (0 ..< bucketCount).filter { chineseFrequency[$0] >= minimum }
        var postings = [[Int32]](repeating: [], count: words.count)
        var slot = [Int32](repeating: -1, count: bucketCount)
        for (index, word) in words.enumerated() { slot[word] = Int32(index) }
        let englishKept = pairBuckets.map { pair in pair.english.filter { englishFrequency[Int($0)] >= minimum } }
        for (document, pair) in pairBuckets.enumerated() {
            for z in pair.chinese where slot[Int(z)] >= 0 { postings[Int(slot[Int(z)])].append(Int32(document)) }
        }

        let settings = settings
        let postingLists = postings
        let chineseCounts = chineseFrequency
        let englishCounts = englishFrequency
        // Each word's row depends on that word alone, so any split over the cores gives the same table.
        let rows = ConcurrentParts.map(words.count, minimumPerPart: 1, makeState: {
            (counts: [Int32](repeating: 0, count: bucketCount), touched: [Int32]())
        }) { state, index -> [(Int32, Float)] in
            for document in postingLists[index] {
                for e in englishKept[Int(document)] {
                    if state.counts[Int(e)] == 0 { state.touched.append(e) }
                    state.counts[Int(e)] += 1
                }
            }
            let nz = Float(chineseCounts[words[index]])
            var candidates: [(target: Int32, ochiai: Float)] = []
            for e in state.touched {
                let together = state.counts[Int(e)]
                state.counts[Int(e)] = 0
                guard together >= settings.minimumCoOccurrence else { continue }
                let ochiai = Float(together) / (nz * Float(englishCounts[Int(e)])).squareRoot()
                if ochiai >= settings.minimumOchiai { candidates.append((e, ochiai)) }
            }
            state.touched.removeAll(keepingCapacity: true)
            candidates.sort { $0.ochiai != $1.ochiai ? $0.ochiai > $1.ochiai : $0.target < $1.target }
            return candidates.prefix(settings.candidatesKept).map { ($0.target, $0.ochiai) }
        }
        var weighted = rows
        if let rounds = settings.alignmentRounds, rounds > 0 {
            let pairs = zip(pairBuckets, englishKept).map { pair, english in
                TermAlignment.Pair(words: pair.chinese.compactMap { slot[Int($0)] >= 0 ? slot[Int($0)] : nil }, english: english)
            }
            weighted = TermAlignment(candidates: weighted.map { $0.map { (target: $0.0, weight: $0.1) } }, rounds: rounds)
                .reestimate(pairs, bucketCount: bucketCount).map { $0.map { ($0.target, $0.weight) } }
        }
        var entries: [(source: Int32, target: Int32, weight: Float)] = []
        for (index, row) in weighted.enumerated() {
            let best = row.filter { $0.1 > 0 }
                .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
                .prefix(settings.translations)
            let total = best.reduce(Float(0)) { $0 + $1.1 }
            guard total > 0 else { continue }
            for (target, weight) in best.sorted(by: { $0.0 < $1.0 }) {
                let share = weight / total
                entries.append((Int32(words[index]), target, englishNegative[Int(target)] ? -share : share))
            }
        }
        return TermTable(entries: entries)
    }
}
