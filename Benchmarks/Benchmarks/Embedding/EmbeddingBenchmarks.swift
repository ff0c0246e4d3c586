import Benchmark
import BenchmarkData
import LinearAlgebra
import TextEmbedding

/// Embedding throughput on one thread over the real corpus texts (title + ". " + abstract).
///
/// One scaled iteration = one abstract, so `throughput` reads as abstracts/s and `mallocCountTotal` as
/// allocations per abstract: a handful (the result vectors), not one per token — the hot path hashes UTF-8
/// bytes in place.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.throughput, .wallClock, .cpuTotal, .mallocCountTotal],
        warmupIterations: 1,
        scalingFactor: .kilo,
        maxDuration: .seconds(10),
        maxIterations: 1_000
    )

    Benchmark("Embedding:Abstracts sparse+dense (1 thread)") { benchmark, state in
        for _ in benchmark.scaledIterations {
            let text = state.next()
            let sparse = state.featurizer.sparse(text)
            let dense = state.model.dense(sparse)
            blackHole(dense)
        }
    } setup: {
        EmbeddingState()
    }

    Benchmark("Embedding:Abstracts sparse only (1 thread)") { benchmark, state in
        for _ in benchmark.scaledIterations {
            blackHole(state.featurizer.sparse(state.next()))
        }
    } setup: {
        EmbeddingState()
    }
}

/// The model, one reused featurizer and the corpus texts, walked round-robin so every iteration sees new
/// abstracts.
final class EmbeddingState: @unchecked Sendable {
    let model: EmbeddingModel
    var featurizer: Featurizer
    let texts: [String]
    private var position = 0

    init() {
        model = BenchmarkModel.load()
        featurizer = Featurizer(model: model)
        texts = Corpus.texts()
        precondition(texts.count == 40_717, "expected the 40,717-paper corpus, read \(texts.count)")
        // The check of the work: a real abstract gives a non-empty sparse vector and a unit dense vector.
        let probe = model.dense(featurizer.sparse(texts[0]))
        let norm = probe.reduce(0) { $0 + $1 * $1 }
        precondition(abs(norm - 1) < 1e-3, "dense view of the first abstract has squared norm \(norm)")
    }

    func next() -> String {
        let text = texts[position]
        position += 1
        if position == texts.count { position = 0 }
        return text
    }
}
