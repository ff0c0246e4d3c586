import Dispatch

/// The first pass of a two-stage scan over 8-bit rows (``Int8Scan``): the rows worth scoring exactly.
public enum Int8FirstPass {
    /// The `keep` rows with the best approximate scores, and the rows the pass cannot vouch for (an 8-bit
    /// score that is NaN or beyond `1 + scoreErrorBound`, no possible cosine of a healthy row: a damaged
    /// 8-bit row), each ascending.
    public struct Result: Equatable, Sendable {
        public var best: [Int]
        public var unvouched: [Int]
    }

    /// Scores rows `0..<rowCount` of `rows` with `query` and keeps the best `keep` (ties to the lower row,
    /// as ``topK(_:k:excluding:)``), on `threads` threads (1 or 2: the rows split in halves, each half kept
    /// to its own best `keep`, then merged).
    /// - Complexity: O(rowCount × paddedDimension) for the scores, O(rowCount log keep) for the selection.
    public static func run(
        rows: UnsafeRawBufferPointer, layout: Int8RowLayout, rowCount: Int, query: Int8ScanQuery, keep: Int, threads: Int
    ) -> Result {
        precondition(rowCount >= 0 && keep >= 0 && (1...2).contains(threads), "Int8FirstPass.run: rowCount \(rowCount), keep \(keep), threads \(threads)")
        let bound = 1 + layout.scoreErrorBound
        var scores = [Float](repeating: 0, count: rowCount)
        var found = [[ScoredIndex]](repeating: [], count: threads)
        var unvouched = [[Int]](repeating: [], count: threads)
        scores.withUnsafeMutableBufferPointer { all in
            found.withUnsafeMutableBufferPointer { found in
                unvouched.withUnsafeMutableBufferPointer { unvouched in
                    let shared = Buffers(rows: rows, scores: all, found: found, unvouched: unvouched)
                    let pass = { @Sendable (part: Int) in
                        let range = (rowCount * part / threads)..<(rowCount * (part + 1) / threads)
                        let slice = UnsafeMutableBufferPointer(rebasing: shared.scores[range])
                        Int8Scan.scores(rows: shared.rows, layout: layout, range: range, query: query, into: slice)
                        shared.found[part] = topK(UnsafeBufferPointer(slice), k: keep).map {
                            ScoredIndex(index: $0.index + range.lowerBound, score: $0.score)
                        }
                        for (offset, score) in slice.enumerated() where !(abs(score) <= bound) {
                            shared.unvouched[part].append(range.lowerBound + offset)
                        }
                    }
                    if threads == 1 { pass(0) } else { DispatchQueue.concurrentPerform(iterations: threads, execute: pass) }
                }
            }
        }
        // The halves' best, merged: in the ranking order of `topK`, so the cut is the one a single pass makes.
        let merged = found.joined().filter { abs($0.score) <= bound }.sorted { $0.ranksAbove($1) }.prefix(keep)
        return Result(best: merged.map(\.index).sorted(), unvouched: Array(unvouched.joined()))
    }

    /// The best `keep` of `candidates` (rows of `rows`) by their 8-bit scores, and those of them the scores
    /// cannot vouch for, as ``run(rows:layout:rowCount:query:keep:threads:)`` chooses among all rows: the
    /// second pass after a prefix pass (``Int8Prefix``), over the few thousand rows it kept.
    /// - Complexity: O(candidates × paddedDimension + candidates log candidates).
    public static func rescore(
        rows: UnsafeRawBufferPointer, layout: Int8RowLayout, candidates: [Int], query: Int8ScanQuery, keep: Int
    ) -> Result {
        let bound = 1 + layout.scoreErrorBound
        var score: [Float] = [0]
        var scored: [ScoredIndex] = []
        var unvouched: [Int] = []
        scored.reserveCapacity(candidates.count)
        score.withUnsafeMutableBufferPointer { out in
            for row in candidates {
                Int8Scan.scores(rows: rows, layout: layout, range: row..<(row + 1), query: query, into: out)
                if abs(out[0]) <= bound { scored.append(ScoredIndex(index: row, score: out[0])) } else { unvouched.append(row) }
            }
        }
        let best = scored.sorted { $0.ranksAbove($1) }.prefix(keep)
        return Result(best: best.map(\.index).sorted(), unvouched: unvouched.sorted())
    }
}

/// The buffers of one ``Int8FirstPass/run(rows:layout:rowCount:query:keep:threads:)``, shared by its threads:
/// the rows are only read, and each thread writes only its own range of scores and its own element of
/// `found` and `unvouched`, so no two threads touch the same memory.
private struct Buffers: @unchecked Sendable {
    let rows: UnsafeRawBufferPointer
    let scores: UnsafeMutableBufferPointer<Float>
    let found: UnsafeMutableBufferPointer<[ScoredIndex]>
    let unvouched: UnsafeMutableBufferPointer<[Int]>
}
