import LinearAlgebra
import Testing

/// Sparse products against the dense triple loop on the densified matrix. Tolerance 1e-4 absolute: inputs in
/// [-1, 1), at most a few hundred terms per output.
struct SparseMatrixProductsTests {
    /// 40×25 stays on one thread; 900×400 at 5% with 16 columns (≈ 290k multiply-adds) takes the parallel path.
    @Test(arguments: [(40, 25, 0.3, 3), (900, 400, 0.05, 16), (1, 1, 1.0, 1)])
    func productsMatchDense(m: Int, n: Int, density: Double, k: Int) {
        let a = TestData.sparseMatrix(m, n, density: density, seed: 51)
        let dense = a.densified()
        let x = TestData.matrix(n, k, seed: 52)
        let y = TestData.matrix(m, k, seed: 53)
        let v = TestData.vector(n, seed: 54)
        #expect(TestData.maxDifference(a.multiply(x), TestData.product(dense, x)) < 1e-4)
        #expect(TestData.maxDifference(a.transposeMultiply(y), TestData.product(dense, transposeA: true, y)) < 1e-4)
        #expect(TestData.maxDifference(a.multiply(v), TestData.product(dense, Matrix(rows: n, columns: 1, storage: v)).storage) < 1e-4)
    }

    @Test func parallelProductIsDeterministic() {
        let a = TestData.sparseMatrix(900, 400, density: 0.05, seed: 55)
        let x = TestData.matrix(400, 16, seed: 56)
        #expect(a.multiply(x) == a.multiply(x))
    }

    @Test func emptyShapes() {
        let none = SparseMatrix(rows: [], columns: 3)
        #expect(none.multiply(Matrix(rows: 3, columns: 2)) == Matrix(rows: 0, columns: 2))
        #expect(none.transposeMultiply(Matrix(rows: 0, columns: 2)) == Matrix(rows: 3, columns: 2))
        #expect(none.multiply([1, 2, 3]) == [])
        let zeros = SparseMatrix(rows: [.empty, .empty], columns: 3)
        #expect(zeros.multiply(TestData.matrix(3, 4, seed: 1)) == Matrix(rows: 2, columns: 4))
    }

    @Test func dimensionMismatchStopsTheProgram() async {
        await #expect(processExitsWith: .failure) {
            _ = SparseMatrix(rows: [.empty], columns: 3).multiply(Matrix(rows: 2, columns: 2))
        }
        await #expect(processExitsWith: .failure) {
            _ = SparseMatrix(rows: [.empty], columns: 3).transposeMultiply(Matrix(rows: 3, columns: 2))
        }
        await #expect(processExitsWith: .failure) { _ = SparseMatrix(rows: [.empty], columns: 3).multiply([1]) }
    }
}
