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

    /// Runs every later BLAS call of this process on the calling thread, and stops OpenBLAS's worker threads.
    ///
    /// Why: the workers OpenBLAS starts when the library loads spin on `sched_yield` for about 2^28 cycles
    /// (~0.13 s here) before they first sleep, which is a cold command's whole life; lowering the thread count
    /// does not stop them, and they take the second core from the command's own two-thread scans. Cold
    /// `search` on 2.7 M papers, quiet machine, 7 runs each: 129 → 107 ms, 152 → 110 ms, 176 → 143 ms median
    /// against `OPENBLAS_NUM_THREADS=1` (perf: ~20 % of the process's CPU in `sched_yield`; Benchmarks/README.md,
    /// run 13).
    ///
    /// Only for a process that decides this before any BLAS call and never asks for more threads afterwards
    /// (a CLI command, in `main`): stopping the workers while another thread runs a BLAS call is not safe.
    public static func useCallingThreadOnly() {
        use(1)
        _ = blas_thread_shutdown_()
    }
}
