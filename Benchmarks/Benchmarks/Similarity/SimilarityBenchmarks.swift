import Benchmark
import BenchmarkData
import CBLAS
import Foundation
import LinearAlgebra
import TextEmbedding

/// Similarity of one query against every row + a top-50 selection, next to one bare `cblas_sgemv` pass over
/// the same matrix in the same run.
///
/// The matrix holds the real dense vectors of the 40,717 corpus papers, repeated (copy after copy) to reach
/// 100 k and 1 M rows × 256 — the 100 k matrix is the first 100 k rows of the 1 M one. Queries are the
/// corpus's own vectors in turn, each excluded from its own result as `similar` does. OpenBLAS runs with its
/// default threads (both cores) in both variants.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .cpuTotal],
        timeUnits: .microseconds,
        warmupIterations: 2,
        maxDuration: .seconds(8),
        maxIterations: 200
    )

    for rows in SimilarityState.sizes {
        let label = rows == 1_000_000 ? "1M" : "\(rows / 1_000)k"

        Benchmark("Similarity:bare sgemv \(label)×256") { benchmark in
            let state = SimilarityState.shared
            for _ in benchmark.scaledIterations {
                let query = state.nextQuery()
                state.bareSgemv(rows: rows, query: query.vector)
                blackHole(state.scores[0])
            }
        }

        Benchmark("Similarity:similar+top50 \(label)×256") { benchmark in
            let state = SimilarityState.shared
            for _ in benchmark.scaledIterations {
                let query = state.nextQuery()
                blackHole(state.similarTop50(rows: rows, query: query))
            }
        }

        // Both variants back to back on the same query, so load from other processes hits them alike:
        // per iteration the time of each and their ratio (similar+top50 / sgemv, in thousandths).
        Benchmark(
            "Similarity:interleaved \(label)×256",
            configuration: .init(
                metrics: [
                    .custom("sgemv µs", useScalingFactor: false),
                    .custom("similar+top50 µs", useScalingFactor: false),
                    .custom("ratio ‰", useScalingFactor: false),
                ])
        ) { benchmark in
            let state = SimilarityState.shared
            let clock = ContinuousClock()
            for _ in benchmark.scaledIterations {
                let query = state.nextQuery()
                let bare = clock.measure { state.bareSgemv(rows: rows, query: query.vector) }
                var hits: [ScoredIndex] = []
                let similar = clock.measure { hits = state.similarTop50(rows: rows, query: query) }
                blackHole(hits)
                let bareMicros = bare.microseconds
                let similarMicros = similar.microseconds
                benchmark.measurement(.custom("sgemv µs", useScalingFactor: false), Int(bareMicros.rounded()))
                benchmark.measurement(.custom("similar+top50 µs", useScalingFactor: false), Int(similarMicros.rounded()))
                benchmark.measurement(
                    .custom("ratio ‰", useScalingFactor: false), Int((1_000 * similarMicros / bareMicros).rounded()))
            }
        }
    }
}

/// The 1 M × 256 matrix, the query vectors and a reused score buffer, built once per process.
final class SimilarityState: @unchecked Sendable {
    static let sizes = [100_000, 1_000_000]
    static let shared = SimilarityState()

    let dimension: Int
    /// `sizes.max()` rows of `dimension` floats, row-major.
    let matrix: [Float]
    /// The corpus's dense vectors (the real rows the matrix repeats).
    let queries: Matrix
    /// `sgemv`'s output, `sizes.max()` long (a pass over fewer rows fills its prefix).
    var scores: [Float] = []
    /// `similarTop50`'s reused output per row count (`Similarity.dotProducts` sizes it to the rows).
    private var similarScores: [Int: [Float]] = [:]
    private var position = 0

    private init() {
        let model = BenchmarkModel.load()
        let texts = Corpus.texts()
        queries = model.denseMatrix(texts)
        let d = model.dimension
        dimension = d
        let rowCount = Self.sizes.max() ?? 0
        let real = queries.storage
        matrix = [Float](unsafeUninitializedCapacity: rowCount * d) { buffer, initialized in
            var filled = 0
            while filled < rowCount * d {
                let chunk = min(real.count, rowCount * d - filled)
                _ = UnsafeMutableBufferPointer(rebasing: buffer[filled ..< filled + chunk]).initialize(from: real[0 ..< chunk])
                filled += chunk
            }
            initialized = filled
        }
        scores = [Float](repeating: 0, count: rowCount)
        // The check of the work: the best match of a paper (itself excluded) is one of its own copies.
        let probe = nextQuery()
        position = 0
        let best = similarTop50(rows: 100_000, query: probe)
        precondition(best.count == 50 && best[0].index % texts.count == probe.row && abs(best[0].score - 1) < 1e-3,
                     "the nearest row of corpus paper 0 should be a copy of it, got \(best.first.map { "\($0)" } ?? "none")")
    }

    func nextQuery() -> (row: Int, vector: [Float]) {
        let row = position
        position = (position + 1) % queries.rows
        return (row, Array(queries.row(row)))
    }

    /// One bare `cblas_sgemv` over the first `rows` rows into the reused score buffer.
    func bareSgemv(rows: Int, query: [Float]) {
        let n = Int32(dimension)
        matrix.withUnsafeBufferPointer { a in
            query.withUnsafeBufferPointer { x in
                scores.withUnsafeMutableBufferPointer { y in
                    cblas_sgemv(CblasRowMajor, CblasNoTrans, Int32(rows), n, 1, a.baseAddress, n, x.baseAddress, 1, 0,
                                y.baseAddress, 1)
                }
            }
        }
    }

    /// What `similar` does on the vectors: `Similarity.dotProducts` over the rows, then the top 50 with the
    /// query's own row excluded.
    func similarTop50(rows: Int, query: (row: Int, vector: [Float])) -> [ScoredIndex] {
        var buffer = similarScores.removeValue(forKey: rows) ?? []
        defer { similarScores[rows] = buffer }
        matrix.withUnsafeBufferPointer { a in
            Similarity.dotProducts(rows: a, rowCount: rows, dimension: dimension, query: query.vector, into: &buffer)
        }
        return topK(buffer, k: 50, excluding: [query.row])
    }
}

extension Duration {
    var microseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1e6 + Double(attoseconds) * 1e-12
    }
}
