// scan-bench: the two-stage dense scan (8-bit first pass, exact Float32 re-score) against one bare
// `cblas_sgemv` over the same rows, in the same run, on the corpus embedded by the shipped model.
//
//   scan-bench ROWS [NOISE] [OUT_DIR]
//
// ROWS rows: the 40,717 corpus rows, repeated (as the volume benchmarks do). From the second copy on each
// row gets seeded Gaussian noise of standard deviation NOISE per component and is renormalised, so copies
// are near, not exact, duplicates (NOISE 0: exact duplicates). Queries: 200 corpus papers' own rows, 100
// titles and short texts cut from other titles (three-word beginnings, two-word beginnings, three words from
// the middle: SCAN_BENCH_SHORT of each, default 100, from the titles SCAN_BENCH_OFFSET papers on), embedded
// as search text. With OUT_DIR, the rows and queries are written there as raw Float32 for
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
/// The 8-bit copy of `rows` in `layout`: each row's leading `layout.dimension` values, as the library's
/// `vectors-<model>.i8`, `.p8` and `.w8` hold them.
func quantizedCopy(_ layout: Int8RowLayout) -> [UInt8] {
    var copy = [UInt8](repeating: 0, count: rowCount * layout.rowBytes)
    rows.withUnsafeBufferPointer { all in
        copy.withUnsafeMutableBytes { out in
            for r in 0..<rowCount {
                layout.quantize(
                    UnsafeBufferPointer(rebasing: all[(r * dimension)..<(r * dimension + layout.dimension)]),
                    into: UnsafeMutableRawBufferPointer(rebasing: out[(r * layout.rowBytes)..<((r + 1) * layout.rowBytes)]))
            }
        }
    }
    return copy
}
let layout = Int8RowLayout(dimension: dimension)
let quantized = quantizedCopy(layout)
/// The prefix copies a library of this model keeps, narrowest first.
let prefixes = Int8Prefix.kept(forDimension: dimension)
let prefixLayouts = prefixes.map(\.layout)
let prefixCopies = prefixLayouts.map(quantizedCopy)
log("volume \(rowCount) rows (noise \(noise)): \(rowCount * dimension * 4 / 1_000_000) MB Float32, \(quantized.count / 1_000_000) MB 8-bit, prefixes "
    + zip(prefixes, prefixCopies).map { "\($0.0) \($0.1.count / 1_000_000) MB (\($0.0.dimension) dimensions)" }.joined(separator: ", "))

// Queries: papers' own rows (every 200th paper) and titles as search text.
var queries: [[Float]] = stride(from: 0, to: corpus.rows, by: corpus.rows / 200).prefix(200).map { paper in
    (0..<dimension).map { corpus[paper, $0] }
}
let titleQueries = stride(from: 7, to: papers.count, by: papers.count / 100).prefix(100).map { model.dense(model.sparse(papers[$0].title)) }
queries += titleQueries.filter { $0.contains { $0 != 0 } }
let titleCount = queries.count - 200
/// Short search texts, as people type them, cut from other papers' titles: `SCAN_BENCH_SHORT` of each kind
/// (default 100). Short texts are the queries whose dense vector spreads furthest past the leading
/// dimensions, so they decide the prefix copies' gates (Int8Prefix.minimumQueryShare).
let shortPerKind = ProcessInfo.processInfo.environment["SCAN_BENCH_SHORT"].flatMap { Int($0) }.map { max(1, $0) } ?? 100
/// Moves every short kind's first title by this many papers (`SCAN_BENCH_OFFSET`, default 0): other titles,
/// to check a gate on queries it was not chosen by.
let shortOffset = ProcessInfo.processInfo.environment["SCAN_BENCH_OFFSET"].flatMap { Int($0) }.map { max(0, $0) } ?? 0
let shortKinds: [(name: String, first: Int, cut: ([Substring]) -> ArraySlice<Substring>)] = [
    ("three-word texts", 11, { $0.prefix(3) }),
    ("two-word texts", 13, { $0.prefix(2) }),
    ("middle three-word texts", 17, { $0.dropFirst(max(0, $0.count / 2 - 1)).prefix(3) }),
]
/// The first query of each short kind, and the kind's name (in `shortKinds` order).
var kindStarts: [(start: Int, name: String)] = []
for kind in shortKinds {
    kindStarts.append((queries.count, kind.name))
    let texts = stride(from: kind.first + shortOffset, to: papers.count, by: max(1, papers.count / shortPerKind)).prefix(shortPerKind).map {
        kind.cut(papers[$0].title.split(separator: " ")).joined(separator: " ")
    }
    queries += texts.map { model.dense(model.sparse($0)) }.filter { $0.contains { $0 != 0 } }
}
let shortKindStarts = kindStarts
log("queries: \(queries.count) (200 papers' rows, \(titleCount) titles, then "
    + zip(shortKindStarts, shortKindStarts.dropFirst().map(\.start) + [queries.count]).map { "\($0.1 - $0.0.start) \($0.0.name)" }.joined(separator: ", ")
    + " as search text)")

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

/// The exact scores of `chosen` rows, gathered and scored by one `cblas_sgemv`: the last stage.
func rescore(_ chosen: [Int], _ query: [Float]) -> [ScoredIndex] {
    var block = [Float](repeating: 0, count: chosen.count * dimension)
    rows.withUnsafeBufferPointer { all in
        for (i, r) in chosen.enumerated() { for j in 0..<dimension { block[i * dimension + j] = all[r * dimension + j] } }
    }
    var scores: [Float] = []
    block.withUnsafeBufferPointer { Similarity.dotProducts(rows: $0, rowCount: chosen.count, dimension: dimension, query: query, into: &scores) }
    return scores.enumerated().map { ScoredIndex(index: chosen[$0.offset], score: $0.element) }
}

/// The exact top `depth` of `chosen` rows, as row numbers.
func exactTop(_ chosen: [Int], _ query: [Float], _ depth: Int) -> Set<Int> {
    Set(topK(rescore(chosen, query).map(\.score), k: depth).map { chosen[$0.index] })
}

/// The full 8-bit pass over a prefix pass's rows, gathered one after another as `QuantizedRows.gather`
/// reads them from the file.
func fullPassOver(_ chosen: [Int], _ q8: UnsafeRawBufferPointer, _ levels: Int8ScanQuery, keep: Int) -> Int8FirstPass.Result {
    var gathered = [UInt8](repeating: 0, count: chosen.count * layout.rowBytes)
    gathered.withUnsafeMutableBytes { out in
        for (i, r) in chosen.enumerated() {
            out[(i * layout.rowBytes)..<((i + 1) * layout.rowBytes)].copyBytes(from: q8[(r * layout.rowBytes)..<((r + 1) * layout.rowBytes)])
        }
    }
    return gathered.withUnsafeBytes { Int8FirstPass.rescore(gathered: $0, layout: layout, candidates: chosen, query: levels, keep: keep) }
}

func approxScore(_ copy: UnsafeRawBufferPointer, _ layout: Int8RowLayout, _ row: Int, _ levels: Int8ScanQuery) -> Float {
    var out: [Float] = [0]
    out.withUnsafeMutableBufferPointer { Int8Scan.scores(rows: copy, layout: layout, range: row..<(row + 1), query: levels, into: $0) }
    return out[0]
}

func median(_ values: [Double]) -> Double { values.isEmpty ? .nan : values.sorted()[values.count / 2] }
func percentile(_ values: [Double], _ p: Double) -> Double { values.isEmpty ? .nan : values.sorted()[min(values.count - 1, Int(Double(values.count) * p))] }

let extras = [0, 16, 64, 128, 256, 512, 1_024]
/// Rows a prefix pass keeps for the full 8-bit pass (the shipped number is `shippedPrefixKeep`).
let prefixKeeps = [2_048, 4_096, 8_192, 16_384]
/// TwoStageScan.prefixCandidates and .extraCandidates, and `similar`'s depth (10 asked + slack).
let shippedPrefixKeep = 8_192, shippedExtra = 512, similarDepth = 117
/// The paths arxrec's plan can take for a query (TwoStageScan.prefixPass: the narrowest prefix that sees it).
let pathNames = prefixes.map { "\($0) prefix" } + ["full 8-bit pass"]
var prefixRecall10 = [[Double]](repeating: [Double](repeating: 0, count: prefixKeeps.count), count: prefixLayouts.count)
var prefixRecall100 = prefixRecall10
var prefixPass2 = [[Double]](repeating: [], count: prefixLayouts.count), prefixStages = prefixPass2
var planCount = [Int](repeating: 0, count: pathNames.count), planRecall10 = [Double](repeating: 0, count: pathNames.count)
var planRecall100 = planRecall10, planTimes = [[Double]](repeating: [], count: pathNames.count)
/// Queries whose first prefix pass the plan did not trust, so that a wider copy's pass was used.
var escalated = 0
/// Per query, in order: its kind, the path the plan took and that path's recall@10.
var planned: [(kind: String, path: Int, recall10: Double)] = []
func kind(of query: Int) -> String {
    query < 200 ? "papers' rows" : query < 200 + titleCount ? "titles" : shortKindStarts.last { $0.start <= query }?.name ?? "titles"
}
var recall10 = [Int: Double](), recall100 = [Int: Double]()
var sgemvTimes: [Double] = [], firstPass1: [Double] = [], firstPass2: [Double] = [], twoStageTimes: [Double] = []
var scores: [Float] = []
quantized.withUnsafeBytes { q8 in
    for (number, query) in queries.enumerated() {
        guard let levels = Int8ScanQuery(query, layout: layout) else { continue }
        // Interleaved per query, so load on the machine shifts all variants alike.
        var t = now()
        exactScores(query, into: &scores)
        sgemvTimes.append(now() - t)
        let exact = topK(scores, k: 100)
        let exact10 = Set(exact.prefix(10).map(\.index)), exact100 = Set(exact.map(\.index))
        t = now()
        _ = Int8FirstPass.run(rows: q8, layout: layout, rowCount: rowCount, query: levels, keep: 100 + shippedExtra, threads: 1)
        firstPass1.append(now() - t)
        t = now()
        _ = Int8FirstPass.run(rows: q8, layout: layout, rowCount: rowCount, query: levels, keep: 100 + shippedExtra, threads: 2)
        firstPass2.append(now() - t)
        // The full two stages for `similar`.
        t = now()
        let pass = Int8FirstPass.run(rows: q8, layout: layout, rowCount: rowCount, query: levels, keep: similarDepth + shippedExtra, threads: 2)
        _ = exactTop(pass.best + pass.unvouched, query, similarDepth)
        let twoStages = now() - t
        twoStageTimes.append(twoStages)
        var pathTime = [Double](repeating: twoStages, count: pathNames.count)
        var pathRecall10 = [Double](repeating: 0, count: pathNames.count), pathRecall100 = pathRecall10
        for depth in [10, 100] {
            let chosen = Int8FirstPass.run(rows: q8, layout: layout, rowCount: rowCount, query: levels, keep: depth + shippedExtra, threads: 2).best
            let got = exactTop(chosen, query, depth)
            if depth == 10 { pathRecall10[pathNames.count - 1] = Double(got.intersection(exact10).count) / 10 }
            else { pathRecall100[pathNames.count - 1] = Double(got.intersection(exact100).count) / 100 }
        }
        /// Per prefix: whether arxrec would trust its pass for this query (Int8Prefix.isTrusted).
        var trusted = [Bool](repeating: true, count: prefixes.count)
        // Each prefix, whether or not the plan would take it for this query: its pass (2 threads, keeping the
        // shipped 8,192), the three stages, and recall by rows kept.
        for (p, prefixLayout) in prefixLayouts.enumerated() { prefixCopies[p].withUnsafeBytes { prefix in
            let prefixLevels = Int8ScanQuery(Array(query.prefix(prefixLayout.dimension)), layout: prefixLayout)!
            t = now()
            _ = Int8FirstPass.run(rows: prefix, layout: prefixLayout, rowCount: rowCount, query: prefixLevels, keep: shippedPrefixKeep, threads: 2)
            prefixPass2[p].append(now() - t)
            t = now()
            let coarse = Int8FirstPass.run(rows: prefix, layout: prefixLayout, rowCount: rowCount, query: prefixLevels, keep: shippedPrefixKeep, threads: 2)
            let fine = fullPassOver(coarse.best, q8, levels, keep: similarDepth + shippedExtra)
            trusted[p] = Int8Prefix.isTrusted(
                fine, after: coarse, count: Int8Prefix.trustedRows,
                depth: Int((Double(shippedPrefixKeep) * Int8Prefix.trustedDepthShare).rounded(.up)))
            _ = exactTop(fine.best + fine.unvouched + coarse.unvouched, query, similarDepth)
            pathTime[p] = now() - t
            prefixStages[p].append(pathTime[p])
            let widest = Int8FirstPass.run(rows: prefix, layout: prefixLayout, rowCount: rowCount, query: prefixLevels, keep: prefixKeeps.last!, threads: 2)
            let order = widest.best.sorted { a, b in
                let sa = approxScore(prefix, prefixLayout, a, prefixLevels), sb = approxScore(prefix, prefixLayout, b, prefixLevels)
                return sa > sb || (sa == sb && a < b)
            }
            for (k, keepRows) in prefixKeeps.enumerated() {
                let kept = Array(order.prefix(keepRows)).sorted()
                for depth in [10, 100] {
                    let got = exactTop(fullPassOver(kept, q8, levels, keep: depth + shippedExtra).best, query, depth)
                    let recall = depth == 10 ? Double(got.intersection(exact10).count) / 10 : Double(got.intersection(exact100).count) / 100
                    if depth == 10 { prefixRecall10[p][k] += recall } else { prefixRecall100[p][k] += recall }
                    if keepRows == shippedPrefixKeep { if depth == 10 { pathRecall10[p] = recall } else { pathRecall100[p] = recall } }
                }
            }
        } }
        // The path arxrec's plan takes for this query.
        // The narrowest prefix that sees it, moved on to the next that does while its pass is not trusted.
        let seeing = prefixes.indices.filter { prefixes[$0].query(query) != nil }
        let path = seeing.first { trusted[$0] || $0 == seeing.last } ?? pathNames.count - 1
        if let first = seeing.first, first != path { escalated += 1 }
        planCount[path] += 1
        planRecall10[path] += pathRecall10[path]
        planRecall100[path] += pathRecall100[path]
        planTimes[path].append(pathTime[path])
        planned.append((kind(of: number), path, pathRecall10[path]))
        // Recall against the exact top 10 / top 100 for each number of extra candidates (one 2-thread pass
        // with the largest keep, cut down: the best `keep` of a pass are a prefix of its best `keep + more`).
        let widest = Int8FirstPass.run(rows: q8, layout: layout, rowCount: rowCount, query: levels, keep: 100 + extras.last!, threads: 2)
        let approximate = widest.best.sorted { a, b in
            // Re-rank by the 8-bit score to cut prefixes.
            let sa = approxScore(q8, layout, a, levels), sb = approxScore(q8, layout, b, levels)
            return sa > sb || (sa == sb && a < b)
        }
        for extra in extras {
            recall10[extra, default: 0] += Double(exactTop(Array(approximate.prefix(10 + extra)), query, 10).intersection(exact10).count) / 10
            recall100[extra, default: 0] += Double(exactTop(Array(approximate.prefix(100 + extra)), query, 100).intersection(exact100).count) / 100
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
for (p, prefix) in prefixes.enumerated() {
    log("  \(prefix) prefix pass (\(prefixLayouts[p].dimension) dims), 2 threads: " + String(format: "%7.2f ms / %7.2f ms  (x%.2f vs sgemv)",
        median(prefixPass2[p]) * 1e3, percentile(prefixPass2[p], 0.9) * 1e3, median(sgemvTimes) / median(prefixPass2[p])))
    log("  \(prefix) three stages (prefix 8,192, 8-bit k 117 + 512, Float32): " + String(format: "%7.2f ms / %7.2f ms",
        median(prefixStages[p]) * 1e3, percentile(prefixStages[p], 0.9) * 1e3))
}
let ratios = zip(sgemvTimes, firstPass2).map { $0 / $1 }
log(String(format: "  per-query ratio sgemv / 2-thread first pass: median %.2f, p10 %.2f", median(ratios), percentile(ratios, 0.1)))
log("  recall of the two stages vs exact Float32, by extra candidates:")
for extra in extras {
    log(String(format: "    +%5d: recall@10 %.4f   recall@100 %.4f", extra, recall10[extra, default: 0] / n, recall100[extra, default: 0] / n))
}
for (p, prefix) in prefixes.enumerated() {
    log("  recall of the three stages with the \(prefix) prefix (8-bit +512, Float32) vs exact Float32, every query whatever its share, by rows the prefix pass keeps:")
    for (k, keepRows) in prefixKeeps.enumerated() {
        log(String(format: "    %6d: recall@10 %.4f   recall@100 %.4f", keepRows, prefixRecall10[p][k] / n, prefixRecall100[p][k] / n))
    }
}
log("  arxrec's plan (the narrowest prefix holding its share of the query's length, Int8Prefix.minimumQueryShare, and trusted after its pass, Int8Prefix.isTrusted, else the next; else the full pass; prefix keeps 8,192):")
for (path, name) in pathNames.enumerated() where planCount[path] > 0 {
    let count = Double(planCount[path])
    log("    \(name): \(planCount[path]) queries, " + String(format: "recall@10 %.4f, recall@100 %.4f, time %.2f ms median",
        planRecall10[path] / count, planRecall100[path] / count, median(planTimes[path]) * 1e3))
}
log(String(format: "    all queries: recall@10 %.4f, recall@100 %.4f", planRecall10.reduce(0, +) / n, planRecall100.reduce(0, +) / n)
    + "; \(escalated) moved to a wider copy because their first prefix pass was not trusted")
for kind in ["papers' rows", "titles"] + shortKinds.map(\.name) {
    let ofKind = planned.filter { $0.kind == kind }
    let paths = pathNames.indices.map { path in ofKind.filter { $0.path == path }.count }
    log("    \(kind): " + zip(pathNames, paths).map { "\($0.0) \($0.1)" }.joined(separator: ", ")
        + String(format: "; recall@10 %.4f", ofKind.map(\.recall10).reduce(0, +) / Double(max(1, ofKind.count))))
}
