import CKernels

/// The first pass of a two-stage scan over 8-bit rows (``Int8Scan``): the rows worth scoring exactly.
public enum Int8FirstPass {
    /// The `keep` rows with the best approximate scores, and the rows the pass cannot vouch for (an 8-bit
    /// score that is NaN or beyond `1 + scoreErrorBound`, no possible cosine of a healthy row: a damaged
    /// 8-bit row), each ascending.
    public struct Result: Equatable, Sendable {
        /// The rows kept, ascending.
        public let best: [Int]
        public let unvouched: [Int]
        /// ``best`` in ranking order, best first (ties to the lower row): how deep in the pass's ranking a
        /// row was found. Both are set from it by the one initialiser, so they hold the same rows.
        public let ranked: [Int]

        public init(ranked: [Int], unvouched: [Int]) {
            self.best = ranked.sorted()
            self.unvouched = unvouched
            self.ranked = ranked
        }
    }

    /// Scores rows `0..<rowCount` of `rows` with `query` and keeps the best `keep` (ties to the lower row,
    /// as ``topK(_:k:excluding:)``), on `threads` threads (1 or 2: the rows split in halves, each half kept
    /// to its own best `keep`, then merged). Rows whose score it cannot vouch for take no place among the
    /// best; they are returned apart.
    ///
    /// The rows are scored a block at a time into a buffer the size of the cache, and each block's scores
    /// go straight into a ``StreamingTopK``: at 2.7 M rows an array of every score (10.8 MB, zeroed, then
    /// walked again by a heap of 8,192) cost as much as the pass itself (Benchmarks/README.md, session 10).
    /// - Complexity: O(rowCount × paddedDimension) for the scores, O(rowCount + keep log keep) for the
    ///   selection in the usual case.
    public static func run(
        rows: UnsafeRawBufferPointer, layout: Int8RowLayout, rowCount: Int, query: Int8ScanQuery, keep: Int, threads: Int
    ) -> Result {
        precondition(rowCount >= 0 && keep >= 0 && (1...2).contains(threads), "Int8FirstPass.run: rowCount \(rowCount), keep \(keep), threads \(threads)")
        let parts = ConcurrentParts.perPart(threads) { part in
            scan(rows: rows, layout: layout, range: (rowCount * part / threads)..<(rowCount * (part + 1) / threads), query: query, keep: keep)
        }
        // The halves' best, merged: in the ranking order of `topK`, so the cut is the one a single pass makes.
        let merged = parts.flatMap(\.best).sorted { $0.ranksAbove($1) }.prefix(keep)
        return Result(ranked: merged.map(\.index), unvouched: parts.flatMap(\.unvouched))
    }

    /// Rows scored per block of ``run(rows:layout:rowCount:query:keep:threads:)``: 16 KB of scores, which
    /// stay in the first-level cache while they are selected from.
    static let blockRows = 4_096

    /// One thread's share of a pass: the best `keep` of `range` and the rows it cannot vouch for.
    private static func scan(
        rows: UnsafeRawBufferPointer, layout: Int8RowLayout, range: Range<Int>, query: Int8ScanQuery, keep: Int
    ) -> Part {
        let bound = 1 + layout.scoreErrorBound
        var selection = StreamingTopK(k: keep)
        var unvouched: [Int] = []
        var block = [Float](repeating: 0, count: min(blockRows, range.count))
        var offsets = [Int32](repeating: 0, count: block.count)
        block.withUnsafeMutableBufferPointer { block in
            offsets.withUnsafeMutableBufferPointer { offsets in
                guard let scores = block.baseAddress, let found = offsets.baseAddress else { return }
                var start = range.lowerBound
                while start < range.upperBound {
                    let end = min(start + block.count, range.upperBound)
                    Int8Scan.scores(rows: rows, layout: layout, range: start..<end, query: query, into: block)
                    // The threshold only rises while the block is offered, so a score below it now never enters.
                    let count = arx_scores_worth_a_look(scores, end - start, selection.threshold, bound, found)
                    for offset in offsets.prefix(count).lazy.map(Int.init) {
                        let score = block[offset]
                        if abs(score) <= bound { selection.offer(score, index: start + offset) } else { unvouched.append(start + offset) }
                    }
                    start = end
                }
            }
        }
        return Part(best: selection.best, unvouched: unvouched)
    }

    /// The best `keep` of `candidates` by their 8-bit scores, and those of them the scores cannot vouch
    /// for, as ``run(rows:layout:rowCount:query:keep:threads:)`` chooses among all rows: the second pass
    /// after a prefix pass (``Int8Prefix``), over the few thousand rows it kept.
    ///
    /// `gathered` holds the candidates' rows one after another (`candidates.count × rowBytes`), so that they
    /// are scored as one contiguous block; the caller reads them from the file (``Int8RowLayout``'s rows
    /// scattered over a 700 MB file cost a page fault each through a mapping).
    /// - Complexity: O(candidates × paddedDimension + candidates log candidates).
    public static func rescore(
        gathered: UnsafeRawBufferPointer, layout: Int8RowLayout, candidates: [Int], query: Int8ScanQuery, keep: Int
    ) -> Result {
        precondition(gathered.count >= candidates.count * layout.rowBytes, "Int8FirstPass.rescore: \(gathered.count) bytes for \(candidates.count) rows")
        let bound = 1 + layout.scoreErrorBound
        var scores = [Float](repeating: 0, count: candidates.count)
        scores.withUnsafeMutableBufferPointer { out in
            Int8Scan.scores(rows: gathered, layout: layout, range: 0..<candidates.count, query: query, into: out)
        }
        var scored: [ScoredIndex] = []
        var unvouched: [Int] = []
        scored.reserveCapacity(candidates.count)
        for (row, score) in zip(candidates, scores) {
            if abs(score) <= bound { scored.append(ScoredIndex(index: row, score: score)) } else { unvouched.append(row) }
        }
        let best = scored.sorted { $0.ranksAbove($1) }.prefix(keep)
        return Result(ranked: best.map(\.index), unvouched: unvouched.sorted())
    }
}

/// One thread's share of a ``Int8FirstPass/run(rows:layout:rowCount:query:keep:threads:)``.
private struct Part {
    var best: [ScoredIndex]
    var unvouched: [Int]
}
