import CBLAS

/// How many threads OpenBLAS may use for one call: the process-wide setting, in one place.
///
/// Debian's OpenBLAS is the pthreads build: a BLAS call on more than a few thousand elements is split over
/// both cores, and afterwards the worker spins on `sched_yield` for about a tenth of a second before it
/// sleeps. The commands a person waits for call BLAS only on small blocks (the few hundred rows a two-stage
/// scan re-scores, a profile's solves) and run their own two-thread work around them (the 8-bit scan, the
/// featurizer), which the spinning worker then competes with for the second core: 131 ms of its CPU in one
/// `search` on 2.7 M papers (perf, session 10). With one BLAS thread, the same minutes, quiet machine,
/// medians of 7–9 cold runs: a `search` that needs the full 8-bit pass 204 → 160 ms, another 124 → 113 ms,
/// `shortlist --date` 408 → 391 ms, `similar` unchanged (Benchmarks/README.md, run 11).
public enum BLASThreads {
    /// The threads a BLAS call may use now.
    public static var count: Int { Int(openblas_get_num_threads()) }

    /// Lets every later BLAS call of this process use at most `threads` threads (1: the calling thread only).
    public static func use(_ threads: Int) {
        precondition(threads >= 1, "BLASThreads.use: \(threads) threads")
        openblas_set_num_threads(Int32(clamping: threads))
    }
}
