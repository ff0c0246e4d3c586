// scan-bench: the two-stage dense scan (8-bit first pass, exact Float32 re-score) against one bare
// `cblas_sgemv` over the same rows, in the same run, on the corpus embedded by the shipped model.
//
//   scan-bench ROWS [NOISE] [OUT_DIR]
//
// ROWS rows: the 40,717 corpus rows, repeated (as the volume benchmarks do). From the second copy on each
// row gets seeded Gaussian noise of standard deviation NOISE per component and is renormalised, so copies
// are near, not exact, duplicates (NOISE 0: exact duplicates). Queries: 200 corpus papers' own rows and 100
// titles embedded as search text. With OUT_DIR, the rows and queries are written there as raw Float32 for
// the faiss anchors (Scripts/scan-faiss.py).
import ArxivFormats
import BenchmarkData
import Foundation
import LinearAlgebra
import TextEmbedding

let arguments = CommandLine.arguments
guard arguments.count >= 2, let rowCount = Int(arguments[1]), rowCount > 0 else {
    FileHandle.standardError.write(Data("usage: scan-bench ROWS [NOISE] [OUT_DIR]\n".utf8))
    exit(64)
}
let noise = arguments.count >= 3 ? Float(arguments[2]) ?? 0 : 0
let outDirectory = arguments.count >= 4 ? arguments[3] : nil

func now() -> Double { Date().timeIntervalSince1970 }
func log(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

let started = now()
let model = BenchmarkModel.load()
let papers = Corpus.papers()
let texts = papers.map { $0.title + ". " + $0.abstract }
let corpus = model.denseMatrix(texts)
let dimension = corpus.columns
log("embedded \(corpus.rows) corpus papers in \(String(format: "%.1f", now() - started)) s, dimension \(dimension)")

// The volume: corpus rows repeated, copies after the first perturbed.
var volume = [Float](repeating: 0, count: rowCount * dimension)
var random = SeededGenerator(seed: 2_700_000)
corpus.withUnsafeBufferPointer { source in
    volume.withUnsafeMutableBufferPointer { out in
        for r in 0..<rowCount {
            let from = r % corpus.rows
            var norm: Float = 0
            for j in 0..<dimension {
                var value = source[from * dimension + j]
                if r >= corpus.rows && noise > 0 { value += noise * Float(random.nextGaussianPair().0) }
                out[r * dimension + j] = value
                norm += value * value
            }
            if r >= corpus.rows && noise > 0 && norm > 0 {
                let inverse = 1 / norm.squareRoot()
                for j in 0..<dimension { out[r * dimension + j] *= inverse }
            }
        }
    }
}
let rows = volume
volume = []
let layout = Int8RowLayout(dimension: dimension)
var quantized = [UInt8](repeating: 0, count: rowCount * layout.rowBytes)
rows.withUnsafeBufferPointer { all in
    quantized.withUnsafeMutableBytes { out in
        for r in 0..<rowCount {
            layout.quantize(
                UnsafeBufferPointer(rebasing: all[(r * dimension)..<((r + 1) * dimension)]),
                into: UnsafeMutableRawBufferPointer(rebasing: out[(r * layout.rowBytes)..<((r + 1) * layout.rowBytes)]))
        }
    }
}
// The narrow prefix copy (`vectors-<model>.p8`): the leading Int8Prefix.narrow.dimension values of each row in 8 bits.
let prefixLayout = Int8Prefix.narrow.layout(forDimension: dimension)
var prefixRows = [UInt8](repeating: 0, count: rowCount * prefixLayout.rowBytes)
rows.withUnsafeBufferPointer { all in
    prefixRows.withUnsafeMutableBytes { out in
        for r in 0..<rowCount {
            prefixLayout.quantize(
                UnsafeBufferPointer(rebasing: all[(r * dimension)..<(r * dimension + prefixLayout.dimension)]),
                into: UnsafeMutableRawBufferPointer(rebasing: out[(r * prefixLayout.rowBytes)..<((r + 1) * prefixLayout.rowBytes)]))
        }
    }
}
log("volume \(rowCount) rows (noise \(noise)): \(rowCount * dimension * 4 / 1_000_000) MB Float32, \(quantized.count / 1_000_000) MB 8-bit, \(prefixRows.count / 1_000_000) MB prefix (\(prefixLayout.dimension) dimensions)")

// Queries: papers' own rows (every 200th paper) and titles as search text.
var queries: [[Float]] = stride(from: 0, to: corpus.rows, by: corpus.rows / 200).prefix(200).map { paper in
    (0..<dimension).map { corpus[paper, $0] }
}
let titleQueries = stride(from: 7, to: papers.count, by: papers.count / 100).prefix(100).map { model.dense(model.sparse(papers[$0].title)) }
queries += titleQueries.filter { $0.contains { $0 != 0 } }
log("queries: \(queries.count) (200 papers' rows, \(queries.count - 200) titles as search text)")

if let outDirectory {
    try FileManager.default.createDirectory(atPath: outDirectory, withIntermediateDirectories: true)
    try rows.withUnsafeBytes { try Data($0).write(to: URL(fileURLWithPath: "\(outDirectory)/rows.f32")) }
    try queries.flatMap { $0 }.withUnsafeBytes { try Data($0).write(to: URL(fileURLWithPath: "\(outDirectory)/queries.f32")) }
    log("wrote \(outDirectory)/rows.f32 and queries.f32")
}

/// One bare `cblas_sgemv` of every row: the exact scores.
func exactScores(_ query: [Float], into scores: inout [Float]) {
    rows.withUnsafeBufferPointer { Similarity.dotProducts(rows: $0, rowCount: rowCount, dimension: dimension, query: query, into: &scores) }
}

/// The exact scores of `chosen` rows, gathered and scored by one `cblas_sgemv`: the second stage.
func rescore(_ chosen: [Int], _ query: [Float]) -> [ScoredIndex] {
    var block = [Float](repeating: 0, count: chosen.count * dimension)
    rows.withUnsafeBufferPointer { all in
        for (i, r) in chosen.enumerated() { for j in 0..<dimension { block[i * dimension + j] = all[r * dimension + j] } }
    }
    var scores: [Float] = []
    block.withUnsafeBufferPointer { Similarity.dotProducts(rows: $0, rowCount: chosen.count, dimension: dimension, query: query, into: &scores) }
    return scores.enumerated().map { ScoredIndex(index: chosen[$0.offset], score: $0.element) }
}

func approxScore(_ q8: UnsafeRawBufferPointer, _ row: Int, _ levels: Int8ScanQuery) -> Float {
    approxScore(q8, layout, row, levels)
}

func approxScore(_ q8: UnsafeRawBufferPointer, _ layout: Int8RowLayout, _ row: Int, _ levels: Int8ScanQuery) -> Float {
    var out: [Float] = [0]
    out.withUnsafeMutableBufferPointer { Int8Scan.scores(rows: q8, layout: layout, range: row..<(row + 1), query: levels, into: $0) }
    return out[0]
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
func percentile(_ values: [Double], _ p: Double) -> Double { values.sorted()[min(values.count - 1, Int(Double(values.count) * p))] }

let extras = [0, 16, 64, 128, 256, 512, 1_024]
/// Rows the prefix pass keeps for the full 8-bit pass (TwoStageScan.prefixCandidates is the shipped one).
let prefixKeeps = [2_048, 4_096, 8_192, 16_384]
var prefixRecall10 = [Int: Double](), prefixRecall100 = [Int: Double]()
var prefixPass2: [Double] = [], prefixStages: [Double] = []
var recall10 = [Int: Double](), recall100 = [Int: Double]()
var sgemvTimes: [Double] = [], firstPass1: [Double] = [], firstPass2: [Double] = [], twoStageTimes: [Double] = []
var scores: [Float] = []
prefixRows.withUnsafeBytes { p8 in
quantized.withUnsafeBytes { q8 in
    for query in queries {
        guard let levels = Int8ScanQuery(query, layout: layout) else { continue }
        // Interleaved per query, so load on the machine shifts all variants alike.
        var t = now()
        exactScores(query, into: &scores)
        sgemvTimes.append(now() - t)
        let exact = topK(scores, k: 100)
        let exact10 = Set(exact.prefix(10).map(\.index)), exact100 = Set(exact.map(\.index))
        t = now()
        _ = Int8FirstPass.run(rows: q8, layout: layout, rowCount: rowCount, query: levels, keep: 100 + 512, threads: 1)
        firstPass1.append(now() - t)
        t = now()
        _ = Int8FirstPass.run(rows: q8, layout: layout, rowCount: rowCount, query: levels, keep: 100 + 512, threads: 2)
        firstPass2.append(now() - t)
        // The full two stages for `similar` (depth 117 = 100 + slack, 512 extra candidates).
        t = now()
        let levels2 = Int8ScanQuery(query, layout: layout)!
        let pass = Int8FirstPass.run(rows: q8, layout: layout, rowCount: rowCount, query: levels2, keep: 117 + 512, threads: 2)
        let top = topK(rescore(pass.best + pass.unvouched, query).map(\.score), k: 117)
        twoStageTimes.append(now() - t)
        _ = top
        // The prefix pass (2 threads, keeping 8,192), then the full 8-bit pass over its rows, then Float32.
        let prefixLevels = Int8ScanQuery(Array(query.prefix(prefixLayout.dimension)), layout: prefixLayout)!
        t = now()
        _ = Int8FirstPass.run(rows: p8, layout: prefixLayout, rowCount: rowCount, query: prefixLevels, keep: 8_192, threads: 2)
        prefixPass2.append(now() - t)
        t = now()
        let coarse = Int8FirstPass.run(rows: p8, layout: prefixLayout, rowCount: rowCount, query: prefixLevels, keep: 8_192, threads: 2)
        let fine = Int8FirstPass.rescore(rows: q8, layout: layout, candidates: coarse.best, query: levels, keep: 117 + 512)
        _ = topK(rescore(fine.best + fine.unvouched + coarse.unvouched, query).map(\.score), k: 117)
        prefixStages.append(now() - t)
        // Recall of the three stages (512 extra candidates, as shipped) by rows the prefix pass keeps.
        let widestPrefix = Int8FirstPass.run(rows: p8, layout: prefixLayout, rowCount: rowCount, query: prefixLevels, keep: prefixKeeps.last!, threads: 2)
        let prefixOrder = widestPrefix.best.sorted { a, b in
            let sa = approxScore(p8, prefixLayout, a, prefixLevels), sb = approxScore(p8, prefixLayout, b, prefixLevels)
            return sa > sb || (sa == sb && a < b)
        }
        for keepRows in prefixKeeps {
            let kept = Array(prefixOrder.prefix(keepRows)).sorted()
            for depth in [10, 100] {
                let chosen = Int8FirstPass.rescore(rows: q8, layout: layout, candidates: kept, query: levels, keep: depth + 512).best
                let hits = topK(rescore(chosen, query).map(\.score), k: depth)
                let got = Set(hits.map { chosen[$0.index] })
                if depth == 10 { prefixRecall10[keepRows, default: 0] += Double(got.intersection(exact10).count) / 10 }
                else { prefixRecall100[keepRows, default: 0] += Double(got.intersection(exact100).count) / 100 }
            }
        }
        // Recall against the exact top 10 / top 100 for each number of extra candidates (one 2-thread pass
        // with the largest keep, cut down: the best `keep` of a pass are a prefix of its best `keep + more`).
        let widest = Int8FirstPass.run(rows: q8, layout: layout, rowCount: rowCount, query: levels, keep: 100 + extras.last!, threads: 2)
        let approximate = widest.best.sorted { a, b in
            // Re-rank by the 8-bit score to cut prefixes.
            let sa = approxScore(q8, a, levels), sb = approxScore(q8, b, levels)
            return sa > sb || (sa == sb && a < b)
        }
        for extra in extras {
            let hits10 = topK(rescore(Array(approximate.prefix(10 + extra)), query).map(\.score), k: 10)
            let chosen10 = Array(approximate.prefix(10 + extra))
            let got10 = Set(hits10.map { chosen10[$0.index] })
            recall10[extra, default: 0] += Double(got10.intersection(exact10).count) / 10
            let chosen100 = Array(approximate.prefix(100 + extra))
            let hits100 = topK(rescore(chosen100, query).map(\.score), k: 100)
            let got100 = Set(hits100.map { chosen100[$0.index] })
            recall100[extra, default: 0] += Double(got100.intersection(exact100).count) / 100
        }
    }
}
}

let n = Double(queries.count)
log("")
log("rows \(rowCount), noise \(noise), \(queries.count) queries, times per query (median / p90):")
log(String(format: "  bare cblas_sgemv, all rows:        %7.2f ms / %7.2f ms", median(sgemvTimes) * 1e3, percentile(sgemvTimes, 0.9) * 1e3))
log(String(format: "  8-bit first pass, 1 thread:        %7.2f ms / %7.2f ms  (x%.2f vs sgemv)", median(firstPass1) * 1e3, percentile(firstPass1, 0.9) * 1e3, median(sgemvTimes) / median(firstPass1)))
log(String(format: "  8-bit first pass, 2 threads:       %7.2f ms / %7.2f ms  (x%.2f vs sgemv)", median(firstPass2) * 1e3, percentile(firstPass2, 0.9) * 1e3, median(sgemvTimes) / median(firstPass2)))
log(String(format: "  two stages (k 117 + 512, 2 thr.):  %7.2f ms / %7.2f ms", median(twoStageTimes) * 1e3, percentile(twoStageTimes, 0.9) * 1e3))
log(String(format: "  prefix pass (%d dims), 2 threads:  %7.2f ms / %7.2f ms  (x%.2f vs sgemv)", prefixLayout.dimension, median(prefixPass2) * 1e3, percentile(prefixPass2, 0.9) * 1e3, median(sgemvTimes) / median(prefixPass2)))
log(String(format: "  three stages (prefix 8,192, 8-bit k 117 + 512, Float32): %7.2f ms / %7.2f ms", median(prefixStages) * 1e3, percentile(prefixStages, 0.9) * 1e3))
let prefixRatios = zip(sgemvTimes, prefixPass2).map { $0 / $1 }
log(String(format: "  per-query ratio sgemv / 2-thread prefix pass: median %.2f, p10 %.2f", median(prefixRatios), percentile(prefixRatios, 0.1)))
let ratios = zip(sgemvTimes, firstPass2).map { $0 / $1 }
log(String(format: "  per-query ratio sgemv / 2-thread first pass: median %.2f, p10 %.2f", median(ratios), percentile(ratios, 0.1)))
log("  recall of the two stages vs exact Float32, by extra candidates:")
for extra in extras {
    log(String(format: "    +%5d: recall@10 %.4f   recall@100 %.4f", extra, recall10[extra, default: 0] / n, recall100[extra, default: 0] / n))
}
log("  recall of the three stages (prefix pass, 8-bit +512, Float32) vs exact Float32, every query (arxrec gates the prefix pass on the query's leading-dimension share), by rows the prefix pass keeps:")
for keepRows in prefixKeeps {
    log(String(format: "    %6d: recall@10 %.4f   recall@100 %.4f", keepRows, prefixRecall10[keepRows, default: 0] / n, prefixRecall100[keepRows, default: 0] / n))
}
