import ArxivFormats
import Benchmark
import BenchmarkData
import Foundation
import Library
import Recommender
import TextEmbedding

/// Ingest + embed end to end into a fresh library (SQLite + the vector file), from a snapshot JSON-lines file
/// of 100,000 real records: the 40,717 corpus papers, then copies of them with new ids (`SyntheticID`).
///
/// Run it pinned to one core (`taskset -c 0 swift package benchmark --target Ingest`) for the issue's
/// "one core" figure. Peak memory against file size is measured on the `arxrec` binary by
/// `Scripts/ingest-rss.sh` (a fresh process per file, so nothing of the set-up here inflates it).
let benchmarks: @Sendable () -> Void = {
    let papersPerSecond = BenchmarkMetric.custom("papers/s", polarity: .prefersLarger, useScalingFactor: false)
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, papersPerSecond],
        warmupIterations: 0,
        maxDuration: .seconds(60),
        maxIterations: 3
    )

    Benchmark("Ingest:snapshot file 100k → library (parse + embed + SQLite + vectors)") { benchmark, state in
        let directory = state.freshDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let started = ContinuousClock.now
        benchmark.startMeasurement()
        do {
            let library = try Library.open(at: directory, embedder: ModelEmbedder(model: state.model))
            let report = try PaperIngestor(library: library).ingest(
                state.volume, format: .snapshot, file: state.volume.lastPathComponent)
            benchmark.stopMeasurement()
            precondition(report.inserted == IngestState.volumeCount && report.skipped.isEmpty,
                         "ingested \(report.inserted) of \(IngestState.volumeCount), \(report.skipped.count) skipped")
            let seconds = (ContinuousClock.now - started).seconds
            benchmark.measurement(papersPerSecond, Int((Double(report.inserted) / seconds).rounded()))
        } catch {
            benchmark.error("ingest failed: \(error)")
        }
    } setup: {
        IngestState()
    }

    Benchmark("Ingest:parsed papers 100k → library (embed + SQLite + vectors, batches of 1,000)") { benchmark, state in
        let directory = state.freshDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let started = ContinuousClock.now
        benchmark.startMeasurement()
        do {
            let library = try Library.open(at: directory, embedder: ModelEmbedder(model: state.model))
            var inserted = 0
            for start in stride(from: 0, to: state.papers.count, by: 1_000) {
                let batch = Array(state.papers[start ..< min(start + 1_000, state.papers.count)])
                inserted += try library.ingest(batch, source: "benchmark").inserted
            }
            benchmark.stopMeasurement()
            precondition(inserted == IngestState.volumeCount, "inserted \(inserted) of \(IngestState.volumeCount)")
            let seconds = (ContinuousClock.now - started).seconds
            benchmark.measurement(papersPerSecond, Int((Double(inserted) / seconds).rounded()))
        } catch {
            benchmark.error("ingest failed: \(error)")
        }
    } setup: {
        IngestState()
    }
}

/// The model, the 100 k volume file and the same records parsed, in a temporary folder.
final class IngestState: @unchecked Sendable {
    static let volumeCount = 100_000

    let model: EmbeddingModel
    let folder: URL
    let volume: URL
    let papers: [Paper]

    init() {
        model = BenchmarkModel.load()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("arxrec-ingest-benchmark-\(getpid())")
        volume = folder.appendingPathComponent("volume-100k.jsonl")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try VolumeSnapshot().write(count: Self.volumeCount, to: volume)
        } catch {
            fatalError("writing \(volume.path): \(error)")
        }
        papers = Corpus.papers(volume)
        precondition(papers.count == Self.volumeCount, "read \(papers.count) papers back from \(volume.path)")
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    /// A new, empty data directory for one iteration.
    func freshDirectory() -> URL {
        folder.appendingPathComponent("library-\(UUID().uuidString)", isDirectory: true)
    }
}

extension Duration {
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) * 1e-18
    }
}
