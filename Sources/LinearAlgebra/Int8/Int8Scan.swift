import CKernels

/// The first pass of a whole-library scan: approximate dot products of a query with 8-bit rows
/// (``Int8RowLayout``), a quarter of the bytes a Float32 scan reads.
///
/// The kernel widens 16 row bytes at a time to 16-bit lanes and multiplies them with the 16-bit query in
/// pairs summed into 32-bit lanes: on x86-64's baseline (SSE2) the compiler turns `madd` into `pmaddwd`
/// (checked in the generated code: `psllw`/`psraw` to widen, two `pmaddwd` and two `paddd` per 16 bytes, no
/// calls; the stdlib's `SIMD16(truncatingIfNeeded:)` is not inlined, hence the lane loops in `widen`).
/// Integer sums are exact, so the only error is the rows' and query's rounding
/// (``Int8RowLayout/scoreErrorBound``). On a CPU with AVX2 the same sums are formed in C
/// (`arx_int8_scores`, 16 lanes widened by one instruction): at the prefix copy's 32 dimensions the
/// lane-by-lane widening cost more than reading the rows (perf of a cold `similar` at 2.7 M papers;
/// Benchmarks/README.md, run 11, where the kernel's own speed-up was not measured apart), and the result is
/// bit-identical (`Int8ScanTests`).
public enum Int8Scan {
    /// `out[i - range.lowerBound]` = approximate score of row `i`, for every `i` in `range`.
    ///
    /// A row whose scale is not a finite non-negative number (written for a non-finite row, or damaged)
    /// scores NaN: a caller scores such rows exactly.
    /// - Complexity: O(range.count × paddedDimension).
    public static func scores(
        rows: UnsafeRawBufferPointer, layout: Int8RowLayout, range: Range<Int>, query: Int8ScanQuery,
        into out: UnsafeMutableBufferPointer<Float>
    ) {
        precondition(range.lowerBound >= 0 && rows.count >= range.upperBound * layout.rowBytes, "Int8Scan: rows out of bounds")
        precondition(out.count >= range.count && query.values.count == layout.paddedDimension, "Int8Scan: shape")
        guard let base = rows.baseAddress, !range.isEmpty else { return }
        if arx_int8_scores_available() {
            query.values.withUnsafeBufferPointer { levels in
                guard let levels = levels.baseAddress, let output = out.baseAddress else { return }
                arx_int8_scores(
                    base.assumingMemoryBound(to: UInt8.self) + range.lowerBound &* layout.rowBytes, layout.rowBytes,
                    layout.paddedDimension, range.count, levels, query.inverseScale, output)
            }
        } else {
            portableScores(rows: rows, layout: layout, range: range, query: query, into: out)
        }
    }

    /// ``scores(rows:layout:range:query:into:)`` in Swift, on any CPU: the definition the AVX2 kernel is
    /// held to bit for bit.
    static func portableScores(
        rows: UnsafeRawBufferPointer, layout: Int8RowLayout, range: Range<Int>, query: Int8ScanQuery,
        into out: UnsafeMutableBufferPointer<Float>
    ) {
        guard let base = rows.baseAddress, let output = out.baseAddress, !range.isEmpty else { return }
        let chunks = layout.paddedDimension / Int8RowLayout.chunk
        query.values.withUnsafeBytes { queryBytes in
            guard let q = queryBytes.baseAddress else { return }
            for i in range {
                let row = base + i &* layout.rowBytes
                let scale = layout.scale(of: row)
                var sum = SIMD8<Int32>.zero
                for c in 0..<chunks {
                    let bytes = widen(row.loadUnaligned(fromByteOffset: c &* Int8RowLayout.chunk, as: SIMD16<Int8>.self))
                    let levels = q.loadUnaligned(fromByteOffset: c &* 2 &* Int8RowLayout.chunk, as: SIMD16<Int16>.self)
                    sum &+= madd(bytes, levels)
                }
                let valid = scale >= 0 && scale.isFinite
                output[i &- range.lowerBound] = valid ? Float(sum.wrappedSum()) * scale * query.inverseScale : .nan
            }
        }
    }

    /// Sign-extends 16 bytes to 16-bit lanes.
    @inline(__always)
    static func widen(_ bytes: SIMD16<Int8>) -> SIMD16<Int16> {
        var wide = SIMD16<Int16>()
        for lane in 0..<16 { wide[lane] = Int16(bytes[lane]) }
        return wide
    }

    /// Products of 16-bit lanes, summed in adjacent pairs into 32-bit lanes (the `pmaddwd` pattern). A
    /// pair of products is at most 2 × 127 × 32,767, and ``Int8ScanQuery/levels(paddedDimension:)`` keeps
    /// the whole row's sum inside `Int32`.
    @inline(__always)
    static func madd(_ a: SIMD16<Int16>, _ b: SIMD16<Int16>) -> SIMD8<Int32> {
        var pairs = SIMD8<Int32>()
        for lane in 0..<8 {
            pairs[lane] = Int32(a[2 &* lane]) &* Int32(b[2 &* lane]) &+ Int32(a[2 &* lane &+ 1]) &* Int32(b[2 &* lane &+ 1])
        }
        return pairs
    }
}
