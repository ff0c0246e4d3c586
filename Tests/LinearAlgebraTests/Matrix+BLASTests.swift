import LinearAlgebra
import Testing

/// BLAS products against the naive `Double` triple loop. Inputs are uniform in [-1, 1) with inner dimension
/// ≤ 70, so Float rounding stays below 1e-4 absolute; that is the tolerance.
struct MatrixBLASTests {
    static let tolerance: Float = 1e-4

    @Test(arguments: [(13, 29), (1, 1), (64, 3), (5, 70)])
    func matrixVector(m: Int, n: Int) {
        let a = TestData.matrix(m, n, seed: 11)
        let x = TestData.vector(n, seed: 12)
        let y = TestData.vector(m, seed: 13)
        let ax = TestData.product(a, Matrix(rows: n, columns: 1, storage: x)).storage
        let aty = TestData.product(a, transposeA: true, Matrix(rows: m, columns: 1, storage: y)).storage
        #expect(TestData.maxDifference(a.multiply(x), ax) < Self.tolerance)
        #expect(TestData.maxDifference(a.transposeMultiply(y), aty) < Self.tolerance)
    }

    @Test(arguments: [(7, 11, 5), (1, 1, 1), (40, 3, 33), (2, 64, 9)])
    func matrixMatrix(m: Int, k: Int, n: Int) {
        let a = TestData.matrix(m, k, seed: 21)
        let b = TestData.matrix(k, n, seed: 22)
        let at = TestData.matrix(k, m, seed: 23)
        let bt = TestData.matrix(n, k, seed: 24)
        #expect(TestData.maxDifference(a.multiply(b), TestData.product(a, b)) < Self.tolerance)
        #expect(
            TestData.maxDifference(at.transposeMultiply(b), TestData.product(at, transposeA: true, b)) < Self.tolerance)
        #expect(
            TestData.maxDifference(a.multiplyTransposed(bt), TestData.product(a, bt, transposeB: true)) < Self.tolerance)
    }

    @Test func emptyShapesGiveEmptyOrZeroResults() {
        let noRows = Matrix(rows: 0, columns: 4)
        #expect(noRows.multiply([1, 2, 3, 4]) == [])
        #expect(noRows.transposeMultiply([]) == [0, 0, 0, 0])
        let noColumns = Matrix(rows: 3, columns: 0)
        #expect(noColumns.multiply([]) == [0, 0, 0])
        // Inner dimension 0: a 3×2 matrix of zeros.
        #expect(noColumns.multiply(Matrix(rows: 0, columns: 2)) == Matrix(rows: 3, columns: 2))
        #expect(noColumns.multiplyTransposed(Matrix(rows: 5, columns: 0)) == Matrix(rows: 3, columns: 5))
        #expect(noRows.transposeMultiply(Matrix(rows: 0, columns: 2)) == Matrix(rows: 4, columns: 2))
    }

    @Test func dimensionMismatchStopsTheProgram() async {
        await #expect(processExitsWith: .failure) { _ = Matrix(rows: 2, columns: 3).multiply([1, 2]) }
        await #expect(processExitsWith: .failure) { _ = Matrix(rows: 2, columns: 3).transposeMultiply([1, 2, 3]) }
        await #expect(processExitsWith: .failure) {
            _ = Matrix(rows: 2, columns: 3).multiply(Matrix(rows: 2, columns: 3))
        }
        await #expect(processExitsWith: .failure) {
            _ = Matrix(rows: 2, columns: 3).transposeMultiply(Matrix(rows: 3, columns: 3))
        }
        await #expect(processExitsWith: .failure) {
            _ = Matrix(rows: 2, columns: 3).multiplyTransposed(Matrix(rows: 3, columns: 2))
        }
    }
}
