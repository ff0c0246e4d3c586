import LinearAlgebra
import Testing

/// Seeded random inputs and naive reference computations shared by the LinearAlgebra tests.
///
/// References accumulate in `Double` with plain loops, so they share no code path with BLAS.
enum TestData {
    /// A `rows`×`columns` matrix of uniform values in [-1, 1).
    static func matrix(_ rows: Int, _ columns: Int, seed: UInt64) -> Matrix {
        var generator = SeededGenerator(seed: seed)
        return Matrix(rows: rows, columns: columns, storage: (0 ..< rows * columns).map { _ in
            Float(generator.nextUnitInterval() * 2 - 1)
        })
    }

    static func vector(_ count: Int, seed: UInt64) -> [Float] { matrix(1, count, seed: seed).storage }

    /// A sparse vector of length `length` with each position present with probability `density`.
    static func sparseVector(length: Int, density: Double, generator: inout SeededGenerator) -> SparseVector {
        var indices = [Int32]()
        var values = [Float]()
        for j in 0 ..< length where generator.nextUnitInterval() < density {
            indices.append(Int32(j))
            values.append(Float(generator.nextUnitInterval() * 2 - 1))
        }
        return SparseVector(indices: indices, values: values)
    }

    /// A `rows`×`columns` sparse matrix of the given density; `columnScale(j)` multiplies column `j`.
    static func sparseMatrix(
        _ rows: Int, _ columns: Int, density: Double, seed: UInt64, columnScale: (Int) -> Float = { _ in 1 }
    ) -> SparseMatrix {
        var generator = SeededGenerator(seed: seed)
        let vectors = (0 ..< rows).map { _ in
            let v = sparseVector(length: columns, density: density, generator: &generator)
            return SparseVector(indices: v.indices, values: zip(v.indices, v.values).map { $1 * columnScale(Int($0)) })
        }
        return SparseMatrix(rows: vectors, columns: columns)
    }

    /// `op(A)·op(B)` by the textbook triple loop.
    static func product(_ a: Matrix, transposeA: Bool = false, _ b: Matrix, transposeB: Bool = false) -> Matrix {
        let m = transposeA ? a.columns : a.rows
        let k = transposeA ? a.rows : a.columns
        let n = transposeB ? b.rows : b.columns
        var c = Matrix(rows: m, columns: n)
        for i in 0 ..< m {
            for j in 0 ..< n {
                var sum = 0.0
                for p in 0 ..< k {
                    let x = transposeA ? a[p, i] : a[i, p]
                    let y = transposeB ? b[j, p] : b[p, j]
                    sum += Double(x) * Double(y)
                }
                c[i, j] = Float(sum)
            }
        }
        return c
    }

    static func identity(_ n: Int) -> Matrix {
        var i = Matrix(rows: n, columns: n)
        for d in 0 ..< n { i[d, d] = 1 }
        return i
    }

    /// The largest absolute elementwise difference.
    static func maxDifference(_ a: [Float], _ b: [Float]) -> Float {
        precondition(a.count == b.count)
        return zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
    }

    static func maxDifference(_ a: Matrix, _ b: Matrix) -> Float {
        #expect(a.rows == b.rows && a.columns == b.columns)
        return maxDifference(a.storage, b.storage)
    }
}
