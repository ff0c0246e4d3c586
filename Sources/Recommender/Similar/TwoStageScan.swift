import Library
import LinearAlgebra

/// The first stage of a whole-library dense scan: an 8-bit pass (``Int8Scan``) over the library's
/// ``QuantizedVectorView`` that chooses the rows the second stage scores exactly in Float32.
///
/// The result of the two stages is the exact Float32 top-k whenever the exact top-k rows are among the
/// chosen rows: every chosen row is re-scored exactly, and rows the 8-bit pass cannot vouch for are always
/// chosen (rows past the 8-bit copy, rows whose 8-bit score is NaN or no possible cosine).
enum TwoStageScan {
    /// Rows kept by the 8-bit pass beyond the `count` the caller asks for.
    ///
    /// Measured with `scan-bench` on the corpus embedded by the shipped model, repeated to 1 M rows with
    /// seeded noise, 299 real queries (Benchmarks/README.md, "Scan run"): recall@10 and recall@100 of the two
    /// stages against exact Float32 reach 1.0000 from +128; +512 is four times that margin for larger
    /// libraries, and re-scores ~630 gathered rows with one `cblas_sgemv`.
    static let extraCandidates = 512

    /// Libraries from this many rows on are scanned as two halves on two threads. Below it the pass takes a
    /// few milliseconds at most, and on the loaded 2-core machine of the scan run two threads were no faster
    /// than one at 40 k rows (waking a second thread costs more than it saves); at 1 M they were 1.4× faster.
    static let parallelRows = 100_000

    /// Libraries from this many rows on are scanned first on a prefix copy (``Int8Prefix``), when they
    /// have one: below it the full 8-bit pass takes a few milliseconds, and a prefix pass saves less than
    /// it risks. At 2.7 M rows the full pass reads 700 MB, the prefix passes 97, 184 and 356 MB.
    static let prefixRows = 250_000

    /// Rows the prefix pass keeps for the full 8-bit pass (at least the `count + extraCandidates` that
    /// pass keeps). Measured with `scan-bench` (Benchmarks/README.md, "Prefix first pass"): recall@10 of
    /// the three stages against exact Float32 on 299 real queries at 1 M and 2.7 M rows.
    static let prefixCandidates = 8_192

    /// When each pass is used; tests lower the thresholds to run every path on a small library.
    struct Plan: Equatable {
        /// The row count from which two threads share a pass (``parallelRows``).
        var parallelFrom = parallelRows
        /// The row count from which a prefix copy is scanned first (``prefixRows``).
        var prefixFrom = prefixRows
        /// Rows the prefix pass keeps (``prefixCandidates``).
        var prefixCandidates = TwoStageScan.prefixCandidates
        /// The prefix copies tried, narrowest first: the first that sees the query well enough is scanned, and
        /// the next that does when that pass is not trusted.
        var prefixes = Int8Prefix.allCases
        /// The share of a prefix pass's ranking its result must come from to be trusted
        /// (``Int8Prefix/trustedDepthShare``).
        var trustedDepth = Int8Prefix.trustedDepthShare
    }

    /// What the first pass chose.
    struct Candidates: Equatable {
        /// The rows to score exactly, ascending.
        var rows: [Int]
        /// Those of them whose 8-bit score is NaN or no possible cosine: a damaged 8-bit row (or the 8-bit
        /// form of a damaged Float32 row), to be rewritten.
        var unvouched: [Int]
        /// The prefix copy whose pass chose them; nil: the full 8-bit pass.
        var prefix: Int8Prefix?
    }

    /// The rows to score exactly: the best `count + extraCandidates` rows of the 8-bit pass, the rows it
    /// cannot score, and every vector row past the 8-bit copy (`quantized.rowCount..<rowCount`).
    /// `nil` when the query cannot be quantised (a value that is not finite): scan everything exactly.
    ///
    /// On a library of ``Plan/prefixFrom`` rows or more, the 8-bit pass scores only the best
    /// ``Plan/prefixCandidates`` rows of a prefix pass (and the rows past the prefix copy) when a prefix copy
    /// sees the query well enough (``prefixPasses(for:quantized:plan:)``), and that pass's choice stands when
    /// it is trusted (``Int8Prefix/trustedDepthShare``); otherwise the next wider copy's pass replaces it.
    /// Rows a prefix pass cannot score are chosen too.
    static func candidates(query: [Float], quantized: QuantizedVectorView, rowCount: Int, count: Int, plan: Plan = Plan()) -> Candidates? {
        guard let levels = Int8ScanQuery(query, layout: quantized.layout) else { return nil }
        let keep = count + extraCandidates
        let threads = quantized.rowCount >= plan.parallelFrom ? 2 : 1
        var best: [Int] = []
        var unvouched: [Int] = []
        var used: Int8Prefix?
        let passes = prefixPasses(for: query, quantized: quantized, plan: plan)
        let prefixKeep = max(plan.prefixCandidates, keep)
        let trustedDepth = Int((Double(prefixKeep) * plan.trustedDepth).rounded(.up))
        // Rows a prefix pass could not score, from every pass run: they are scored exactly whatever follows.
        var unscorable = Set<Int>()
        for (number, (prefix, rows, prefixLevels)) in passes.enumerated() {
            let coarse = Int8FirstPass.run(
                rows: rows.rows, layout: rows.layout, rowCount: rows.rowCount, query: prefixLevels, keep: prefixKeep, threads: threads)
            unscorable.formUnion(coarse.unvouched)
            let chosen = coarse.best + Array(rows.rowCount..<quantized.rowCount)
            let fine = quantized.full.gather(chosen).withUnsafeBytes {
                Int8FirstPass.rescore(gathered: $0, layout: quantized.layout, candidates: chosen, query: levels, keep: keep)
            }
            if number == passes.count - 1
                || Int8Prefix.isTrusted(fine, after: coarse, count: min(count, Int8Prefix.trustedRows), depth: trustedDepth) {
                best = fine.best
                unvouched = Array(unscorable.union(fine.unvouched)).sorted()
                used = prefix
                break
            }
        }
        if passes.isEmpty {
            let pass = Int8FirstPass.run(
                rows: quantized.rows, layout: quantized.layout, rowCount: quantized.rowCount, query: levels, keep: keep, threads: threads)
            best = pass.best
            unvouched = pass.unvouched
        }
        let tail = quantized.rowCount..<max(rowCount, quantized.rowCount)
        return Candidates(rows: Array(Set(best + unvouched)).sorted() + Array(tail), unvouched: unvouched, prefix: used)
    }

    /// The prefix copies that may be scanned for `query`, narrowest first, each with the query's leading
    /// dimensions quantised for it: the plan's prefixes that the library has (with ``Plan/prefixFrom`` rows
    /// or more) and that see the query well enough (``Int8Prefix/query(_:)``). The first is scanned; a wider
    /// one only when the pass before it is not trusted (``Int8Prefix/trustedDepthShare``).
    static func prefixPasses(
        for query: [Float], quantized: QuantizedVectorView, plan: Plan
    ) -> [(prefix: Int8Prefix, rows: QuantizedRows, levels: Int8ScanQuery)] {
        plan.prefixes.compactMap { prefix in
            guard let rows = quantized.prefixes[prefix], rows.rowCount >= plan.prefixFrom, let levels = prefix.query(query)
            else { return nil }
            return (prefix, rows, levels)
        }
    }

    /// Those of `rows` (below `quantized.rowCount`) whose 8-bit form differs from what their healthy Float32
    /// row quantises to, in the full copy or the prefix copy: damage that the passes could not see (a few
    /// flipped bytes give a plausible score). Checking only the chosen rows costs a few hundred quantisations.
    static func mismatchedRows(_ rows: [Int], view: VectorView, quantized: QuantizedVectorView) -> [Int] {
        let healthy = rows.filter { $0 < quantized.rowCount && view.isHealthy(row: $0) }
        var mismatched = Set<Int>()
        for copy in quantized.copies {
            let layout = copy.layout
            let checked = healthy.filter { $0 < copy.rowCount }
            let stored = copy.gather(checked)
            var fresh = [UInt8](repeating: 0, count: layout.rowBytes)
            for (i, row) in checked.enumerated() {
                fresh.withUnsafeMutableBytes { layout.quantize(UnsafeBufferPointer(rebasing: view.row(row).prefix(layout.dimension)), into: $0) }
                if !stored[(i * layout.rowBytes)..<((i + 1) * layout.rowBytes)].elementsEqual(fresh) { mismatched.insert(row) }
            }
        }
        return rows.filter { mismatched.contains($0) }
    }
}
