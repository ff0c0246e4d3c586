@testable import LinearAlgebra
import Testing

/// The 8-bit row form and the first-pass kernel, against plain `Double` references.
struct Int8ScanTests {
    /// Unit rows of `dimension` Gaussian values.
    static func unitRows(_ count: Int, _ dimension: Int, seed: UInt64) -> [[Float]] {
        var random = SeededGenerator(seed: seed)
        return (0..<count).map { _ in
            let row = random.gaussianFloats(count: dimension)
            let norm = row.reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()
            return row.map { $0 / norm }
        }
    }

    /// Rows quantised into one buffer, as in the 8-bit file.
    static func encode(_ rows: [[Float]], _ layout: Int8RowLayout) -> [UInt8] {
        var bytes = [UInt8](repeating: 0xAA, count: rows.count * layout.rowBytes)
        bytes.withUnsafeMutableBytes { out in
            for (r, row) in rows.enumerated() {
                row.withUnsafeBufferPointer {
                    layout.quantize($0, into: UnsafeMutableRawBufferPointer(rebasing: out[(r * layout.rowBytes)..<((r + 1) * layout.rowBytes)]))
                }
            }
        }
        return bytes
    }

    static func scan(_ bytes: [UInt8], _ layout: Int8RowLayout, _ query: [Float], range: Range<Int>) -> [Float] {
        var out = [Float](repeating: -7, count: range.count)
        let levels = Int8ScanQuery(query, layout: layout)
        bytes.withUnsafeBytes { rows in
            out.withUnsafeMutableBufferPointer { Int8Scan.scores(rows: rows, layout: layout, range: range, query: levels!, into: $0) }
        }
        return out
    }

    /// What the kernel computes, in `Double`: the integer sum of stored bytes × query levels, scaled.
    static func reference(_ bytes: [UInt8], _ layout: Int8RowLayout, _ query: [Float], row: Int) -> Double {
        let levels = Int8ScanQuery(query, layout: layout)!
        return bytes.withUnsafeBytes { raw -> Double in
            let base = raw.baseAddress! + row * layout.rowBytes
            var sum = 0.0
            for j in 0..<layout.paddedDimension { sum += Double(base.load(fromByteOffset: j, as: Int8.self)) * Double(levels.values[j]) }
            return sum * Double(layout.scale(of: base)) * Double(levels.inverseScale)
        }
    }

    @Test(arguments: [256, 100, 7, 1])
    func roundTripErrorIsAtMostHalfAStepPerValue(dimension: Int) {
        let layout = Int8RowLayout(dimension: dimension)
        let rows = Self.unitRows(50, dimension, seed: 41)
        let bytes = Self.encode(rows, layout)
        bytes.withUnsafeBytes { raw in
            for (r, row) in rows.enumerated() {
                let base = raw.baseAddress! + r * layout.rowBytes
                let scale = layout.scale(of: base)
                #expect(scale == row.map(abs).max()! / 127)
                let decoded = layout.dequantize(base)
                for (value, back) in zip(row, decoded) { #expect(abs(value - back) <= scale / 2 * 1.0001) }
                // Padding is zero, so it adds nothing to a dot product.
                for j in dimension..<layout.paddedDimension { #expect(base.load(fromByteOffset: j, as: Int8.self) == 0) }
            }
        }
    }

    @Test(arguments: [256, 100, 33])
    func theKernelMatchesTheReferenceAndStaysWithinTheBound(dimension: Int) {
        let layout = Int8RowLayout(dimension: dimension)
        let rows = Self.unitRows(120, dimension, seed: 42)
        let query = Self.unitRows(1, dimension, seed: 43)[0]
        let bytes = Self.encode(rows, layout)
        let scores = Self.scan(bytes, layout, query, range: 0..<rows.count)
        for (r, row) in rows.enumerated() {
            #expect(abs(Double(scores[r]) - Self.reference(bytes, layout, query, row: r)) < 1e-5)
            let exact = zip(row, query).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
            #expect(abs(Double(scores[r]) - exact) <= Double(layout.scoreErrorBound))
        }
        // A sub-range writes only its own scores, from the start of `out`.
        let part = Self.scan(bytes, layout, query, range: 30..<45)
        #expect(part == Array(scores[30..<45]))
    }

    @Test func adversarialRows() {
        let dimension = 256
        let layout = Int8RowLayout(dimension: dimension)
        var oneHuge = [Float](repeating: 1e-4, count: dimension)
        oneHuge[17] = 1
        let rows: [[Float]] = [
            [Float](repeating: 0, count: dimension),                          // an empty text's row
            (0..<dimension).map { $0 % 2 == 0 ? 1 / 16 : -1 / 16 },          // every value ±max
            [Float](repeating: 1 / 16, count: dimension),
            oneHuge,                                                          // one component dominates
            [Float](repeating: -1 / 16, count: dimension),
        ]
        // Queries at the extremes too: every level ±32,767 makes the largest integer sums.
        let queries: [[Float]] = [
            [Float](repeating: 1 / 16, count: dimension),
            (0..<dimension).map { $0 % 2 == 0 ? 1 / 16 : -1 / 16 },
            oneHuge,
        ]
        let bytes = Self.encode(rows, layout)
        for query in queries {
            let scores = Self.scan(bytes, layout, query, range: 0..<rows.count)
            for (r, row) in rows.enumerated() {
                #expect(abs(Double(scores[r]) - Self.reference(bytes, layout, query, row: r)) < 1e-5)
                let exact = zip(row, query).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
                #expect(abs(Double(scores[r]) - exact) <= Double(layout.scoreErrorBound), "row \(r)")
            }
            #expect(scores[0] == 0)
        }
        // The small values beside the huge one round to zero: the row still scores its dominant term.
        #expect(layout.dequantize(bytes.withUnsafeBytes { $0.baseAddress! + 3 * layout.rowBytes })[0] == 0)
    }

    @Test func theLargestSumsFitInInt32() {
        for padded in [16, 256, 512, 528, 4_096] {
            let levels = Int8ScanQuery.levels(paddedDimension: padded)
            #expect(levels <= Int(Int16.max))
            #expect(levels * 127 * padded <= Int(Int32.max), "\(padded)")
        }
        #expect(Int8ScanQuery.levels(paddedDimension: 256) == 32_767)
    }

    @Test func rowsThatCannotBeScaledScoreNaN() {
        let layout = Int8RowLayout(dimension: 16)
        var rows = Self.unitRows(3, 16, seed: 44)
        rows[1][3] = .nan
        var bytes = Self.encode(rows, layout)
        // A damaged scale (negative) is no scale either.
        bytes.withUnsafeMutableBytes { $0.storeBytes(of: Float(-1).bitPattern.littleEndian, toByteOffset: 2 * layout.rowBytes + layout.scaleOffset, as: UInt32.self) }
        let scores = Self.scan(bytes, layout, Self.unitRows(1, 16, seed: 45)[0], range: 0..<3)
        #expect(scores[0].isFinite && scores[1].isNaN && scores[2].isNaN)
        #expect(Int8ScanQuery([Float](repeating: .infinity, count: 16), layout: layout) == nil)
    }

    /// The second pass after a prefix pass: re-scoring a set of rows keeps the best of them as the full pass
    /// ranks them (ties to the lower row), and reports the rows it cannot score instead of ranking them.
    @Test func rescoringCandidatesKeepsWhatTheFullPassKeepsAmongThem() {
        let layout = Int8RowLayout(dimension: 64)
        var rows = Self.unitRows(300, 64, seed: 46)
        rows[40] = rows[7]
        rows[90][0] = .nan
        let bytes = Self.encode(rows, layout)
        let query = Int8ScanQuery(Self.unitRows(1, 64, seed: 47)[0], layout: layout)!
        let candidates = Array(stride(from: 0, to: 300, by: 2)) + [7, 40, 90].filter { $0 % 2 == 1 }
        bytes.withUnsafeBytes { raw in
            let all = Int8FirstPass.run(rows: raw, layout: layout, rowCount: 300, query: query, keep: 300, threads: 1)
            let gathered = candidates.sorted().flatMap { bytes[($0 * layout.rowBytes)..<(($0 + 1) * layout.rowBytes)] }
            let chosen = gathered.withUnsafeBytes {
                Int8FirstPass.rescore(gathered: $0, layout: layout, candidates: candidates.sorted(), query: query, keep: 20)
            }
            let scores = Self.scan(bytes, layout, (0..<64).map { Float(query.values[$0]) }, range: 0..<300)
            let ranked = candidates.filter { $0 != 90 }.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
            #expect(chosen.best == Array(ranked.prefix(20)).sorted())
            #expect(chosen.unvouched == [90] && all.unvouched == [90])
            #expect(Set(chosen.best).isSubset(of: Set(all.best)))
        }
    }

    /// A pass longer than a block, on one and two threads, keeping more rows than a block holds (so the
    /// selection trims many times): the best `keep` rows in `topK`'s order over every score, ties to the
    /// lower row, and the rows it cannot score apart, as a pass that held every score would choose.
    @Test(arguments: [1, 2])
    func aBlockedPassKeepsWhatAFullSortKeeps(threads: Int) {
        let layout = Int8RowLayout(dimension: 16)
        let count = Int8FirstPass.blockRows * 2 + 777
        var rows = Self.unitRows(count, 16, seed: 48)
        // Repeated rows tie across blocks and across the halves.
        for r in stride(from: 5, to: count, by: 997) { rows[r] = rows[3] }
        rows[count / 2][1] = .infinity
        let bytes = Self.encode(rows, layout)
        let query = Self.unitRows(1, 16, seed: 52)[0]
        let scores = Self.scan(bytes, layout, query, range: 0..<count)
        let bound = 1 + layout.scoreErrorBound
        let eligible = (0..<count).filter { abs(scores[$0]) <= bound }
        bytes.withUnsafeBytes { raw in
            for keep in [0, 1, 40, 5_000, count] {
                let pass = Int8FirstPass.run(
                    rows: raw, layout: layout, rowCount: count, query: Int8ScanQuery(query, layout: layout)!, keep: keep, threads: threads)
                let ranked = eligible.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
                #expect(pass.best == Array(ranked.prefix(keep)).sorted())
                #expect(pass.unvouched == [count / 2])
            }
        }
    }

    /// The AVX2 kernel against the Swift one, bit for bit: the prefix copies' 32, 64 and 128 dimensions and
    /// the full 256 (each compiled with its width known), odd sizes, rows four at a time and the rows after
    /// the last four, extreme bytes and levels, and rows whose scale is NaN, infinite, negative or zero.
    @Test(arguments: [32, 64, 128, 256, 100, 7])
    func theVectorKernelIsTheSwiftKernelBitForBit(dimension: Int) {
        let layout = Int8RowLayout(dimension: dimension)
        var rows = Self.unitRows(300, dimension, seed: 49)
        rows[0] = (0..<dimension).map { $0 % 2 == 0 ? 1 : -1 }
        var bytes = Self.encode(rows, layout)
        for (row, scale) in [(5, Float.nan), (6, .infinity), (7, -1), (8, 0), (9, Float.greatestFiniteMagnitude)] {
            withUnsafeBytes(of: scale.bitPattern.littleEndian) { bytes.replaceSubrange((row * layout.rowBytes + layout.scaleOffset)..<(row * layout.rowBytes + layout.scaleOffset + 4), with: $0) }
        }
        for r in 10..<20 { for j in 0..<dimension { bytes[r * layout.rowBytes + j] = j % 2 == 0 ? 0x80 : 0x7f } }
        for seed in [50, 51] as [UInt64] {
            let query = Int8ScanQuery(Self.unitRows(1, dimension, seed: seed)[0], layout: layout)!
            var vector = [Float](repeating: -7, count: 290)
            var portable = [Float](repeating: -7, count: 290)
            bytes.withUnsafeBytes { raw in
                vector.withUnsafeMutableBufferPointer { Int8Scan.scores(rows: raw, layout: layout, range: 5..<295, query: query, into: $0) }
                portable.withUnsafeMutableBufferPointer { Int8Scan.portableScores(rows: raw, layout: layout, range: 5..<295, query: query, into: $0) }
            }
            #expect(vector.map(\.bitPattern) == portable.map(\.bitPattern))
            #expect(portable[0].isNaN && portable[1].isNaN && portable[2].isNaN && portable[3] == 0)
        }
    }
}
