/// The dense view's sum `Σ weight × projection row` over a text's rows, kept in vector registers.
///
/// Bit-identical to adding the rows one after another into the output (`out[j] += weight × row[j]`, rows in
/// bucket order): every output element still receives the same products in the same order, starting from
/// +0. What changes is only which element is worked on when: a block of 32 outputs (one 64-byte cache line
/// of each Float16 row) stays in registers while all rows are added into it, instead of the whole output
/// being loaded and stored once per row, and the weights arrive pre-multiplied by 2^112 so each half needs
/// only ``HalfFloat/scaledDown(_:)-(SIMD8<UInt16>)`` (see there why the products are unchanged).
enum ProjectionGather {
    /// Writes `Σ_r weights[r] × widen(row r)` into `output` (`dimension` floats), where row r starts at
    /// `table + rows[r] × dimension`. `weights` is scratch: it is overwritten.
    static func sum(
        rows: UnsafePointer<Int>, weights: UnsafeMutablePointer<Float>, count: Int,
        table: UnsafePointer<UInt16>, dimension: Int, into output: UnsafeMutablePointer<Float>
    ) {
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
