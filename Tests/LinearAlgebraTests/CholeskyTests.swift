import LinearAlgebra
import Testing

/// The cached factorisation must solve exactly what `LAPACK.solvePositiveDefinite` solves.
struct CholeskyTests {
    @Test(arguments: [1, 9, 60])
    func solvesLikeSposv(n: Int) throws {
        let a = LAPACKTests.positiveDefinite(n, seed: 71)
        let b = TestData.matrix(n, 4, seed: 72)
        let factor = try CholeskyFactorization(a)
        let x = factor.solve(b)
        #expect(TestData.maxDifference(a.multiply(x), b) < 1e-4)
        #expect(TestData.maxDifference(x, try LAPACK.solvePositiveDefinite(a, b)) < 1e-4)
        let single = factor.solve(b.transposed().row(0).map { $0 })
        #expect(zip(single, x.transposed().row(0)).allSatisfy { abs($0 - $1) < 1e-4 })
    }

    @Test func rejectsAnIndefiniteMatrix() {
        let a = Matrix(rows: 2, columns: 2, storage: [1, 2, 2, 1])
        #expect(throws: LAPACKError.self) { try CholeskyFactorization(a) }
    }

    @Test func rejectsNaN() {
        let a = Matrix(rows: 2, columns: 2, storage: [1, 0, 0, .nan])
        #expect(throws: LAPACKError.self) { try CholeskyFactorization(a) }
    }

    @Test func emptyMatrixFactorsAndSolvesNothing() throws {
        let factor = try CholeskyFactorization(Matrix(rows: 0, columns: 0))
        #expect(factor.solve(Matrix(rows: 0, columns: 3)).rows == 0)
    }
}
