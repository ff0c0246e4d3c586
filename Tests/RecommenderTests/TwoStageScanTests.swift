import Foundation
import Library
import LinearAlgebra
import Testing
import TestSupport
import TextEmbedding
@testable import Recommender

/// The two-stage scan (8-bit first pass, exact Float32 re-score) against one exact `cblas_sgemv` over every
/// row, on the real 2,500-paper library: equal hits whatever state the 8-bit copy is in.
@Suite(.tags(.slow), .skippedInQuickLoop)
struct TwoStageScanTests {
    /// The exact answer: every row scored in Float32, as `nearestRows` did before the 8-bit pass.
    static func exactTop(_ library: Library, _ query: [Float], count: Int) throws -> [ScoredIndex] {
        try library.withVectors { view in
            var scores: [Float] = []
            Similarity.dotProducts(rows: view.rows, rowCount: view.rowCount, dimension: view.dimension, query: query, into: &scores)
            return topK(scores, k: count)
        }
    }

    /// Queries: papers' own stored rows, and the dense vectors of a few search texts.
    static func queries(_ corpus: CorpusLibrary) throws -> [[Float]] {
        let rows = try corpus.library.withVectors { view in stride(from: 0, to: view.rowCount, by: 61).map { Array(view.row($0)) } }
        let texts = ["speech recognition for low-resource languages", "video diffusion models", "graph neural network benchmark"]
        return rows + texts.map { corpus.model.dense(corpus.model.sparse($0)) }
    }

    /// The prefix pass on the 2,500-paper library: from any size, keeping 700 rows of 2,500 (at 2.7 M rows
    /// the shipped plan keeps 8,192, 0.3 %; here the 8-bit pass keeps 10 + 512 or 117 + 512 of those 700).
    static let prefixPlan = TwoStageScan.Plan(prefixFrom: 0, prefixCandidates: 700)

    /// Every query's hits equal the exact scan's, for `similar`'s depth and for 10.
    static func expectExact(
        _ corpus: CorpusLibrary, plan: TwoStageScan.Plan = TwoStageScan.Plan(), sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        for query in try queries(corpus) {
            for count in [10, 117] {
                let exact = try exactTop(corpus.library, query, count: count)
                let found = try corpus.library.nearestRows(to: query, count: count, plan: plan)
                #expect(found.damaged.isEmpty, sourceLocation: sourceLocation)
                #expect(found.hits.map(\.index) == exact.map(\.index), sourceLocation: sourceLocation)
                #expect(zip(found.hits, exact).allSatisfy { abs($0.score - $1.score) <= 1e-6 }, sourceLocation: sourceLocation)
            }
        }
    }

    /// Rows the 8-bit copy covers, or nil when there is no usable copy.
    static func coveredRows(_ library: Library) throws -> Int? {
        try library.withScanViews { _, quantized in quantized?.rowCount }
    }

    /// Rows the `prefix` copy covers, or nil when there is no usable such copy.
    static func prefixRows(_ library: Library, _ prefix: Int8Prefix) throws -> Int? {
        try library.withScanViews { _, quantized in quantized?.prefixes[prefix]?.rowCount }
    }

    /// ``prefixPlan`` with only `prefix` tried.
    static func prefixPlan(only prefix: Int8Prefix) -> TwoStageScan.Plan {
        TwoStageScan.Plan(prefixFrom: 0, prefixCandidates: 700, prefixes: [prefix])
    }

    static func overwrite(_ url: URL, at offset: Int, with bytes: [UInt8]) throws {
        let handle = try FileHandle(forUpdating: url)
        defer { try? handle.close() }
        try handle.seek(toOffset: UInt64(offset))
        try handle.write(contentsOf: bytes)
    }

    /// Damages the 8-bit copy at `url` (rows of `layout`, `rows` vector rows) in the way `damage` names,
    /// aimed at `targets` (the rows every query's exact top 10 is made of: the damage that could hurt most).
    static func damage(_ url: URL, _ damage: String, layout: Int8RowLayout, rows: Int, targets: Set<Int>) throws {
        switch damage {
        case "header":
            try overwrite(url, at: 0, with: Array("NOTQ8V1\0".utf8))
        case "truncated":
            let handle = try FileHandle(forUpdating: url)
            try handle.truncate(atOffset: UInt64(64 + (rows / 3) * layout.rowBytes + 17))
            try handle.close()
        case "scales":
            // NaN, negative and huge scales: rows the pass cannot score, or would score absurdly.
            for (i, row) in targets.sorted().enumerated() {
                let scale: [Float] = [.nan, -1, 1e30]
                try overwrite(url, at: 64 + row * layout.rowBytes + layout.scaleOffset,
                              with: withUnsafeBytes(of: scale[i % 3].bitPattern.littleEndian) { Array($0) })
            }
        case "rows":
            // Flipped low bits inside the 8-bit values of the top rows: plausible scores, so the rows stay
            // candidates, where the comparison with their Float32 rows finds them. (A flip that sinks a true
            // neighbour's 8-bit score below the candidates goes unseen, as a Float32 row damaged to a lower
            // plausible score does: Benchmarks/README.md, "Two-stage scan", limits.)
            let bytes = try Data(contentsOf: url)
            for row in targets {
                let at = 64 + row * layout.rowBytes + 5
                try overwrite(url, at: at, with: (0..<3).map { bytes[at + $0] ^ 0x01 })
            }
        case "deleted":
            try FileManager.default.removeItem(at: url)
        default:
            // A copy made from another generation of the vector file.
            try overwrite(url, at: 32, with: [0x77, 0, 0, 0, 0, 0, 0, 0])
        }
    }

    /// A write that goes through the vector file's appender (rewrites one row with the same vector).
    static func write(_ library: Library) throws {
        #expect(try library.repairVectorRows([0]) == 1)
    }

    @Test func twoStagesGiveTheExactTopK() throws {
        let corpus = try CorpusLibrary()
        let rows = try corpus.library.withVectors { $0.rowCount }
        #expect(try Self.coveredRows(corpus.library) == rows, "ingest wrote the 8-bit copy of every row")
        try Self.expectExact(corpus)
    }

    @Test func aLaggingCopyLeavesTheTailToFloat32AndCatchesUpAtTheNextWrite() throws {
        let corpus = try CorpusLibrary()
        let rows = try corpus.library.withVectors { $0.rowCount }
        // As after a crash between the two writes: the copy's header counts half the rows.
        let half = rows / 2
        try Self.overwrite(corpus.library.quantizedVectorFileURL, at: 24, with: (0..<8).map { UInt8(truncatingIfNeeded: half >> (8 * $0)) })
        #expect(try Self.coveredRows(corpus.library) == half)
        try Self.expectExact(corpus)
        try Self.write(corpus.library)
        #expect(try Self.coveredRows(corpus.library) == rows)
    }

    @Test(arguments: ["header", "truncated", "scales", "rows", "deleted", "generation"])
    func aDamagedCopyNeverChangesTheResultAndIsRebuilt(damage: String) throws {
        let corpus = try CorpusLibrary()
        let url = corpus.library.quantizedVectorFileURL
        let rows = try corpus.library.withVectors { $0.rowCount }
        let layout = Int8RowLayout(dimension: corpus.library.dimension)
        // The rows every query's exact top 10 is made of: the damage that could hurt most.
        let targets = Set(try Self.queries(corpus).flatMap { try Self.exactTop(corpus.library, $0, count: 10).map(\.index) })
        let pristine = try Data(contentsOf: url)
        try Self.damage(url, damage, layout: layout, rows: rows, targets: targets)
        try Self.expectExact(corpus)
        if ["header", "deleted", "generation"].contains(damage) { #expect(try Self.coveredRows(corpus.library) == nil) }
        if ["scales", "rows"].contains(damage) {
            // The scans found the damaged rows (unscorable, or differing from their Float32 rows) and rewrote them.
            #expect(try Data(contentsOf: url) == pristine)
        }
        try Self.write(corpus.library)
        #expect(try Self.coveredRows(corpus.library) == rows, "level again after the next write")
        try Self.expectExact(corpus)
    }

    @Test(arguments: Int8Prefix.allCases)
    func thePrefixPassGivesTheExactTopK(prefix: Int8Prefix) throws {
        let corpus = try CorpusLibrary()
        let rows = try corpus.library.withVectors { $0.rowCount }
        #expect(try Self.prefixRows(corpus.library, prefix) == rows, "ingest wrote the prefix copy of every row")
        let plan = Self.prefixPlan(only: prefix)
        try Self.expectExact(corpus, plan: plan)
        // The prefix pass is what ran (for a query it takes): a row far from the query whose prefix scale
        // alone is NaN is reported by it, and never seen by the full pass, whose 8-bit row is intact.
        let layout = prefix.layout
        let query = try #require(try Self.queries(corpus).first { prefix.query($0) != nil })
        let far = try #require(try Self.exactTop(corpus.library, query.map { -$0 }, count: 1).first).index
        try Self.overwrite(corpus.library.prefixVectorFileURL(prefix), at: 64 + far * layout.rowBytes + layout.scaleOffset,
                           with: withUnsafeBytes(of: Float.nan.bitPattern.littleEndian) { Array($0) })
        let (full, chosen) = try corpus.library.withScanViews { view, quantized in
            let quantized = try #require(quantized)
            return (
                TwoStageScan.candidates(query: query, quantized: quantized, rowCount: view.rowCount, count: 10),
                TwoStageScan.candidates(query: query, quantized: quantized, rowCount: view.rowCount, count: 10, plan: plan))
        }
        #expect(full?.unvouched == [] && chosen?.unvouched == [far])
        #expect(full?.rows.count == 10 + TwoStageScan.extraCandidates)
        #expect(chosen?.rows == ((full?.rows ?? []) + [far]).sorted(), "the same best rows, and the row it cannot score")
    }

    /// A query the narrow prefix cannot see well enough is scanned on the next prefix that can; one none
    /// can see gets the full pass. Every case gives the exact top k.
    @Test func aQueryIsScannedOnTheNarrowestPrefixThatSeesIt() throws {
        let corpus = try CorpusLibrary()
        let dimension = corpus.library.dimension
        // A paper's row the narrow prefix sees.
        let stored = try #require(try corpus.library.withVectors { view in
            (0..<view.rowCount).lazy.map { Array(view.row($0)) }.first { Int8Prefix.narrow.query($0) != nil }
        })
        /// `query` with its dimensions `range` weighted by `factor`.
        func weighted(_ query: [Float], _ range: Range<Int>, _ factor: Float) -> [Float] {
            query.enumerated().map { range.contains($0.offset) ? $0.element * factor : $0.element }
        }
        // A paper's row pushed, step by step, out of each prefix's sight: weight on 32..<64 until the narrow
        // prefix holds less than the share it needs, then on 64..<128, then beyond.
        let wideOnly = weighted(stored, 32..<64, 6)
        let halfOnly = weighted(wideOnly, 64..<128, 12)
        let neither = weighted(halfOnly, 128..<dimension, 40)
        func chosen(_ query: [Float]) throws -> Int8Prefix? {
            try corpus.library.withScanViews { _, quantized in
                let quantized = try #require(quantized)
                return TwoStageScan.prefixPasses(for: query, quantized: quantized, plan: Self.prefixPlan).first?.prefix
            }
        }
        #expect(try chosen(stored) == .narrow)
        #expect(try chosen(wideOnly) == .wide)
        #expect(try chosen(halfOnly) == .half)
        #expect(try chosen(neither) == nil)
        for query in [wideOnly, halfOnly, neither] {
            let norm = query.reduce(0) { $0 + $1 * $1 }.squareRoot()
            let unit = query.map { $0 / norm }
            for count in [10, 117] {
                let exact = try Self.exactTop(corpus.library, unit, count: count)
                let found = try corpus.library.nearestRows(to: unit, count: count, plan: Self.prefixPlan)
                #expect(found.hits.map(\.index) == exact.map(\.index))
            }
        }
    }

    /// A prefix pass whose best rows sit deeper in its ranking than the plan trusts hands the query to the
    /// next wider copy that sees it, and the widest such copy's result stands; a pass it trusts stands as it
    /// is. Either way the hits are the exact ones.
    @Test func aPrefixPassThatIsNotTrustedHandsTheQueryToTheNextWiderCopy() throws {
        let corpus = try CorpusLibrary()
        let query = try #require(try Self.queries(corpus).first { Int8Prefix.narrow.query($0) != nil })
        func used(_ plan: TwoStageScan.Plan) throws -> Int8Prefix? {
            try corpus.library.withScanViews { view, quantized in
                let quantized = try #require(quantized)
                return TwoStageScan.candidates(query: query, quantized: quantized, rowCount: view.rowCount, count: 10, plan: plan)?.prefix
            }
        }
        var trusting = Self.prefixPlan
        trusting.trustedDepth = 1
        var doubting = Self.prefixPlan
        doubting.trustedDepth = 0
        #expect(try used(trusting) == .narrow, "every pass trusted: the narrowest that sees the query")
        #expect(try used(doubting) == .half, "no pass trusted: the widest that sees it")
        var twoCopies = doubting
        twoCopies.prefixes = [.narrow, .wide]
        #expect(try used(twoCopies) == .wide)
        try Self.expectExact(corpus, plan: doubting)
    }

    /// The trust rule itself: each of the best `count` rows of the 8-bit pass must be among the first `depth`
    /// of the prefix pass's ranking; rows the prefix pass did not rank (past its copy) do not count.
    @Test func aPassIsTrustedWhenItsBestRowsComeFromTheTopOfThePrefixRanking() {
        let coarse = Int8FirstPass.Result(ranked: [7, 3, 9, 1, 12, 5], unvouched: [])
        let near = Int8FirstPass.Result(ranked: [3, 7, 20, 5], unvouched: [])
        #expect(Int8Prefix.isTrusted(near, after: coarse, count: 3, depth: 2), "3 and 7 are the prefix's first two; 20 is past its copy")
        #expect(!Int8Prefix.isTrusted(near, after: coarse, count: 4, depth: 2), "5 is sixth in the prefix's ranking")
        #expect(Int8Prefix.isTrusted(near, after: coarse, count: 4, depth: 6))
        #expect(Int8Prefix.isTrusted(Int8FirstPass.Result(ranked: [], unvouched: []), after: coarse, count: 10, depth: 0))
    }

    /// After a prefix pass the full copy's rows are read with `pread` (``QuantizedRows/gather(_:)``), not
    /// through the mapping: the same bytes, scattered rows and adjacent runs alike; and damage to those rows
    /// is found and repaired as the full pass finds it.
    @Test(arguments: ["scales", "rows"])
    func theRowsAPrefixPassGathersAreTheMappedRowsAndTheirDamageIsFound(damage: String) throws {
        let corpus = try CorpusLibrary()
        try corpus.library.withScanViews { _, quantized in
            let quantized = try #require(quantized)
            for copy in quantized.copies {
                let rows = [0, 1, 2, 7, 400, 401, copy.rowCount - 2, copy.rowCount - 1]
                let mapped = rows.flatMap { Array(copy.rows[($0 * copy.layout.rowBytes)..<(($0 + 1) * copy.layout.rowBytes)]) }
                #expect(copy.gather(rows) == mapped)
                #expect(copy.gather([]).isEmpty)
            }
        }
        let url = corpus.library.quantizedVectorFileURL
        let rows = try corpus.library.withVectors { $0.rowCount }
        let targets = Set(try Self.queries(corpus).flatMap { try Self.exactTop(corpus.library, $0, count: 10).map(\.index) })
        let pristine = try Data(contentsOf: url)
        try Self.damage(url, damage, layout: Int8RowLayout(dimension: corpus.library.dimension), rows: rows, targets: targets)
        try Self.expectExact(corpus, plan: Self.prefixPlan)
        #expect(try Data(contentsOf: url) == pristine, "the damaged rows were found and rewritten")
    }

    /// Each prefix takes a query whose leading dimensions hold its share of the query's squared length, and
    /// refuses one that holds a little less; the wider the prefix, the less it needs to see.
    @Test(arguments: Int8Prefix.allCases)
    func aQueryOutsideThePrefixGetsTheFullPass(prefix: Int8Prefix) throws {
        /// A query with `share` of its squared length in the prefix's leading dimensions, the rest at dimension 200.
        func query(share: Float) -> [Float] {
            var query = [Float](repeating: 0, count: 256)
            query[0] = share.squareRoot()
            query[200] = (1 - share).squareRoot()
            return query
        }
        #expect(prefix.query(query(share: prefix.minimumQueryShare + 0.01)) != nil)
        #expect(prefix.query(query(share: prefix.minimumQueryShare - 0.01)) == nil)
        #expect(prefix.query([Float](repeating: 0, count: 256)) == nil, "a zero query")
        #expect(Int8Prefix.allCases.map(\.minimumQueryShare) == Int8Prefix.allCases.map(\.minimumQueryShare).sorted(by: >),
                "a wider prefix never needs to see more of a query than a narrower one")
    }

    /// Every damage to the narrow copy; to the wider ones, a damage of each kind between them (an unreadable
    /// file, rows cut short, plausible bytes that are wrong).
    static let prefixDamages: [(String, Int8Prefix)] = ["header", "truncated", "scales", "rows", "deleted", "generation"]
        .map { ($0, .narrow) } + [("truncated", .wide), ("rows", .wide), ("generation", .half), ("rows", .half)]

    @Test(arguments: prefixDamages)
    func aDamagedPrefixCopyNeverChangesTheResultAndIsRebuilt(damage: String, prefix: Int8Prefix) throws {
        let corpus = try CorpusLibrary()
        let url = corpus.library.prefixVectorFileURL(prefix)
        let rows = try corpus.library.withVectors { $0.rowCount }
        let layout = prefix.layout
        let plan = Self.prefixPlan(only: prefix)
        let targets = Set(try Self.queries(corpus).flatMap { try Self.exactTop(corpus.library, $0, count: 10).map(\.index) })
        let pristine = try Data(contentsOf: url)
        try Self.damage(url, damage, layout: layout, rows: rows, targets: targets)
        try Self.expectExact(corpus, plan: plan)
        if ["header", "deleted", "generation"].contains(damage) {
            #expect(try Self.prefixRows(corpus.library, prefix) == nil)
            #expect(try Self.coveredRows(corpus.library) == rows, "the full copy still serves")
        }
        if damage == "truncated" { #expect(try Self.prefixRows(corpus.library, prefix) == rows / 3) }
        if ["scales", "rows"].contains(damage) {
            // The scans found the damaged rows (unscorable, or differing from their Float32 rows) and rewrote them.
            #expect(try Data(contentsOf: url) == pristine)
        }
        try Self.write(corpus.library)
        #expect(try Self.prefixRows(corpus.library, prefix) == rows, "level again after the next write")
        #expect(try Data(contentsOf: url) == pristine, "rebuilt to the same bytes")
        try Self.expectExact(corpus, plan: plan)
    }

    @Test func twoHalvesChooseTheSameRowsAsOne() throws {
        let corpus = try CorpusLibrary()
        let query = try Self.queries(corpus)[3]
        let (one, two) = try corpus.library.withScanViews { view, quantized in
            let quantized = try #require(quantized)
            return (
                TwoStageScan.candidates(query: query, quantized: quantized, rowCount: view.rowCount, count: 10, plan: .init(parallelFrom: .max)),
                TwoStageScan.candidates(query: query, quantized: quantized, rowCount: view.rowCount, count: 10, plan: .init(parallelFrom: 1)))
        }
        #expect(one != nil && one?.rows == two?.rows)
        #expect(one?.rows.count == 10 + TwoStageScan.extraCandidates)
        #expect(one?.unvouched == [])
    }
}
