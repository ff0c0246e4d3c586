/// IBM model 1 over the fitted pairs, restricted to each Chinese word's candidate English buckets: EM
/// re-estimates p(e|z), the probability that Chinese word z of a pair's Chinese text accounts for English
/// bucket e of its English text (Brown et al., 1993).
///
/// Why: the Ochiai coefficient scores each word alone, so a word that keeps company with another — 基准测试
/// with 语言模型 — inherits that word's English ("language"). In EM the words of a pair compete for each
/// English bucket, and a bucket goes to the word that explains it best across all pairs, so the company a
/// word keeps stops counting as its meaning. A bucket that none of the pair's words has as a candidate is
/// left to the null word, which also takes its share of every other bucket (fixed at a uniform candidate's
/// probability), so a lone candidate is not credited with every bucket it meets.
///
/// Cost per round: one pass over each pair's words × their candidates (~60 × 10).
struct TermAlignment {
    /// Per word slot, its candidate English buckets and their initial weights (any positive scale).
    let candidates: [[(target: Int32, weight: Float)]]
    let rounds: Int

    /// One pair: the slots of its Chinese words and its English buckets, both without repeats.
    struct Pair {
        var words: [Int32]
        var english: [Int32]
    }

    /// p(e|z) per word slot, in the order of ``candidates``.
    func reestimate(_ pairs: [Pair], bucketCount: Int) -> [[(target: Int32, weight: Float)]] {
        var starts = [0]
        for row in candidates { starts.append(starts[starts.count - 1] + row.count) }
        let targets = candidates.flatMap { $0.map(\.target) }
        var probability = candidates.flatMap { row in
            let total = row.reduce(Float(0)) { $0 + $1.weight }
            return row.map { total > 0 ? $0.weight / total : 0 }
        }
        let widest = candidates.map(\.count).max() ?? 1
        let null = 1 / Float(max(widest, 1))
        var stamp = [Int32](repeating: -1, count: bucketCount)
        var denominator = [Float](repeating: 0, count: bucketCount)
        var touched: [Int32] = []
        for _ in 0 ..< rounds {
            var counts = [Float](repeating: 0, count: targets.count)
            for (index, pair) in pairs.enumerated() {
                let mark = Int32(truncatingIfNeeded: index)
                for e in pair.english { stamp[Int(e)] = mark }
                for word in pair.words {
                    for j in starts[Int(word)] ..< starts[Int(word) + 1] where stamp[Int(targets[j])] == mark {
                        let e = Int(targets[j])
                        if denominator[e] == 0 { touched.append(targets[j]) }
                        denominator[e] += probability[j]
                    }
                }
                for word in pair.words {
                    for j in starts[Int(word)] ..< starts[Int(word) + 1] where stamp[Int(targets[j])] == mark {
                        counts[j] += probability[j] / (denominator[Int(targets[j])] + null)
                    }
                }
                for e in touched { denominator[Int(e)] = 0 }
                touched.removeAll(keepingCapacity: true)
            }
            for slot in candidates.indices {
                let range = starts[slot] ..< starts[slot + 1]
                let total = counts[range].reduce(0, +)
                for j in range { probability[j] = total > 0 ? counts[j] / total : 0 }
            }
        }
        return candidates.indices.map { slot in
            (starts[slot] ..< starts[slot + 1]).map { (targets[$0], probability[$0]) }
        }
    }
}
