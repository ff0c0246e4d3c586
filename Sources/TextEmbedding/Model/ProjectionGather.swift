internal import CKernels

/// The dense view's sum `Σ weight × projection row` over a text's rows, kept in vector registers.
///
/// On a CPU with AVX2 and F16C (checked at run time) the loop is `arx_half_rows_sum` in C: the CPU widens
/// eight halves in one instruction and adds eight floats at a time, 2.5× fewer instructions than the
/// portable loop below (perf, 2026-12-01: the gather was 17 % of an abstract's embedding). Both compute
/// the same products, each rounded once, added in the same order, so the vectors are bit-identical.
///
/// Bit-identical to adding the rows one after another into the output (`out[j] += weight × row[j]`, rows in
/// bucket order): every output element still receives the same products in the same order, starting from
/// +0. What changes is only which element is worked on when: a block of 32 outputs (one 64-byte cache line
/// of each Float16 row) stays in registers while all rows are added into it, instead of the whole output
/// being loaded and stored once per row, and the weights arrive pre-multiplied by 2^112 so each half needs
/// only ``HalfFloat/scaledDown(_:)-(SIMD8<UInt16>)`` (see there why the products are unchanged).
enum ProjectionGather {
    /// Which loop computes the sum; all give the same bits.
    enum Kernel: CaseIterable {
        /// `arx_half_rows_sum`: AVX2 + F16C, only where the CPU has them.
        case halfInstructions
        /// Swift SIMD over the bit-moved halves: any CPU.
        case portable

        /// The fastest kernel this CPU runs.
        static var fastest: Kernel { arx_half_rows_available() ? .halfInstructions : .portable }

        /// Whether this CPU can run the kernel.
        var isAvailable: Bool { self == .portable || arx_half_rows_available() }
    }

    /// Writes `Σ_r weights[r] × widen(row r)` into `output` (`dimension` floats), where row r starts at
    /// `table + rows[r] × dimension`. `weights` is scratch: it is overwritten. `kernel` must be available.
    static func sum(
        rows: UnsafePointer<Int>, weights: UnsafeMutablePointer<Float>, count: Int,
        table: UnsafePointer<UInt16>, dimension: Int, into output: UnsafeMutablePointer<Float>,
        kernel: Kernel = .fastest
    ) {
        if kernel == .halfInstructions {
            arx_half_rows_sum(rows, weights, count, table, dimension, output)
            return
        }
        touchCacheLines(rows: rows, count: count, table: table, dimension: dimension)
        // 2^112 × w is exact only below 2^16 (sparse views are unit vectors; any other input takes the plain path).
        for r in 0 ..< count {
            guard abs(weights[r]) < 0x1p16 else {
                plainSum(rows: rows, weights: weights, count: count, table: table, dimension: dimension, into: output)
                return
            }
        }
        for r in 0 ..< count { weights[r] *= HalfFloat.biasAdjustment }
        let scaledWeights = UnsafePointer(weights)
        let blocked = dimension - dimension % 32
        var j = 0
        while j < blocked {
            var a0 = SIMD8<Float>(), a1 = SIMD8<Float>(), a2 = SIMD8<Float>(), a3 = SIMD8<Float>()
            for r in 0 ..< count {
                let weight = SIMD8<Float>(repeating: scaledWeights[r])
                let source = UnsafeRawPointer(table + rows[r] * dimension + j)
                a0 += weight * HalfFloat.scaledDown(source.loadUnaligned(as: SIMD8<UInt16>.self))
                a1 += weight * HalfFloat.scaledDown(source.loadUnaligned(fromByteOffset: 16, as: SIMD8<UInt16>.self))
                a2 += weight * HalfFloat.scaledDown(source.loadUnaligned(fromByteOffset: 32, as: SIMD8<UInt16>.self))
                a3 += weight * HalfFloat.scaledDown(source.loadUnaligned(fromByteOffset: 48, as: SIMD8<UInt16>.self))
            }
            let target = UnsafeMutableRawPointer(output + j)
            target.storeBytes(of: a0, as: SIMD8<Float>.self)
            target.storeBytes(of: a1, toByteOffset: 32, as: SIMD8<Float>.self)
            target.storeBytes(of: a2, toByteOffset: 64, as: SIMD8<Float>.self)
            target.storeBytes(of: a3, toByteOffset: 96, as: SIMD8<Float>.self)
            j += 32
        }
        // A dimension that is not a multiple of 32 (small test models): the rest one element at a time.
        while j < dimension {
            var sum: Float = 0
            for r in 0 ..< count { sum += scaledWeights[r] * HalfFloat.scaledDown(table[rows[r] * dimension + j]) }
            output[j] = sum
            j += 1
        }
    }

    /// Loads one value of every cache line of every row before any is added. The table (24,590 rows × 256
    /// halves, 12.6 MB) is far larger than the L2 cache, and a text's ~150 rows (75 KB) are not; the loads
    /// are independent, so the memory system fetches many rows at once and the additions then read from
    /// the L2 cache. (The C kernel does the same with prefetch instructions, which need not wait at all.)
    private static func touchCacheLines(
        rows: UnsafePointer<Int>, count: Int, table: UnsafePointer<UInt16>, dimension: Int
    ) {
        var touched: UInt16 = 0
        for r in 0 ..< count {
            let row = table + rows[r] * dimension
            var element = 0
            while element < dimension {
                touched |= row[element]
                element += 32  // 32 halves = one 64-byte cache line
            }
        }
        // Keep the loads from being optimised away.
        if touched == 0x7fff { blackHoleTouch(touched) }
    }

    @inline(never)
    private static func blackHoleTouch(_ value: UInt16) { _ = value }

    /// The definition: rows added one after another into the output.
    static func plainSum(
        rows: UnsafePointer<Int>, weights: UnsafePointer<Float>, count: Int,
        table: UnsafePointer<UInt16>, dimension: Int, into output: UnsafeMutablePointer<Float>
    ) {
        output.initialize(repeating: 0, count: dimension)
        for r in 0 ..< count {
            let weight = weights[r]
            let source = table + rows[r] * dimension
            for j in 0 ..< dimension { output[j] += weight * HalfFloat.widen(source[j]) }
        }
    }
}
