import LinearAlgebra
import Testing

/// LAPACK wrappers checked by residuals rather than by stored answers. Matrices are well conditioned and ≤ 40
/// wide, so each residual is expected below 1e-4 (a few hundred Float ulps of the entries).
struct LAPACKTests {
    static let tolerance: Float = 1e-4

    /// A symmetric positive definite matrix: `Gᵀ·G + n·I`.
    static func positiveDefinite(_ n: Int, seed: UInt64) -> Matrix {
        let g = TestData.matrix(n, n, seed: seed)
        var a = g.transposeMultiply(g)
        for d in 0 ..< n { a[d, d] += Float(n) }
        return a
    }

    static func diagonal(_ values: [Float]) -> Matrix {
        var d = Matrix(rows: values.count, columns: values.count)
        for (i, v) in values.enumerated() { d[i, i] = v }
        return d
    }

    @Test func symmetricEigenSatisfiesAvEqualsLambdaV() throws {
        let n = 30
        let g = TestData.matrix(n, n, seed: 61)
        let a = Matrix(rows: n, columns: n, storage: (0 ..< n * n).map { (g.storage[$0] + g.storage[($0 % n) * n + $0 / n]) / 2 })
        let (values, vectors) = try LAPACK.symmetricEigen(a)
        #expect(values == values.sorted())
        // A·V = V·diag(λ), and Vᵀ·V = I.
        #expect(TestData.maxDifference(a.multiply(vectors), vectors.multiply(Self.diagonal(values))) < Self.tolerance)
        #expect(TestData.maxDifference(vectors.transposeMultiply(vectors), TestData.identity(n)) < Self.tolerance)
    }

    @Test(arguments: [1, 7, 40])
    func solvePositiveDefiniteSatisfiesAxEqualsB(n: Int) throws {
        let a = Self.positiveDefinite(n, seed: 62)
        let b = TestData.matrix(n, 3, seed: 63)
        let x = try LAPACK.solvePositiveDefinite(a, b)
        #expect(x.rows == n && x.columns == 3)
        #expect(TestData.maxDifference(a.multiply(x), b) < Self.tolerance)
    }

    @Test func notPositiveDefiniteThrows() {
        // Leading minors: 1, then 1·1 − 2·2 = −3 < 0.
        let a = Matrix(rows: 3, columns: 3, storage: [1, 2, 0, 2, 1, 0, 0, 0, 1])
        #expect(throws: LAPACKError(routine: "sposv", info: 2, message: "leading minor 2 is not positive definite")) {
            try LAPACK.solvePositiveDefinite(a, Matrix(rows: 3, columns: 1, repeating: 1))
        }
    }

    @Test(arguments: [(50, 12), (12, 12), (5, 9)])
    func orthonormalBasisSpansTheColumns(m: Int, n: Int) throws {
        let a = TestData.matrix(m, n, seed: 64)
        let q = try LAPACK.orthonormalBasis(a)
        let k = min(m, n)
        #expect(q.rows == m && q.columns == k)
        #expect(TestData.maxDifference(q.transposeMultiply(q), TestData.identity(k)) < Self.tolerance)
        // Q·Qᵀ·A = A: the columns of A lie in the span of Q.
        #expect(TestData.maxDifference(q.multiply(q.transposeMultiply(a)), a) < Self.tolerance)
    }

    @Test func orthonormalBasisOfRankDeficientMatrixStaysOrthonormal() throws {
        var a = TestData.matrix(20, 6, seed: 65)
        for i in 0 ..< 20 { a[i, 3] = 2 * a[i, 1]; a[i, 5] = 0 }
        let q = try LAPACK.orthonormalBasis(a)
        #expect(TestData.maxDifference(q.transposeMultiply(q), TestData.identity(6)) < Self.tolerance)
    }

    @Test(arguments: [(40, 15), (15, 40), (9, 9)])
    func svdReconstructsTheMatrix(m: Int, n: Int) throws {
        let a = TestData.matrix(m, n, seed: 66)
        let (u, s, vt) = try LAPACK.svd(a)
        let r = min(m, n)
        #expect(u.rows == m && u.columns == r && vt.rows == r && vt.columns == n && s.count == r)
        #expect(s == s.sorted(by: >) && s.allSatisfy { $0 >= 0 })
        #expect(TestData.maxDifference(u.multiply(Self.diagonal(s)).multiply(vt), a) < Self.tolerance)
        #expect(TestData.maxDifference(u.transposeMultiply(u), TestData.identity(r)) < Self.tolerance)
        #expect(TestData.maxDifference(vt.multiplyTransposed(vt), TestData.identity(r)) < Self.tolerance)
    }

    @Test func nonFiniteInputThrowsBeforeCallingLAPACK() {
        var a = Self.positiveDefinite(4, seed: 67)
        a[2, 1] = .nan
        for call in [
            { _ = try LAPACK.symmetricEigen(a) },
            { _ = try LAPACK.solvePositiveDefinite(a, Matrix(rows: 4, columns: 1)) },
            { _ = try LAPACK.orthonormalBasis(a) },
            { _ = try LAPACK.svd(a) },
        ] as [() throws -> Void] {
            let error = #expect(throws: LAPACKError.self) { try call() }
            #expect(error?.info == 0)
            #expect(error?.description.contains("input contains NaN or infinity (element (2, 1) is nan)") == true)
        }
        var b = Matrix(rows: 4, columns: 1)
        b[3, 0] = .infinity
        #expect(throws: LAPACKError.self) { try LAPACK.solvePositiveDefinite(Self.positiveDefinite(4, seed: 68), b) }
    }

    @Test func emptyMatrices() throws {
        let empty = Matrix(rows: 0, columns: 0)
        let eigen = try LAPACK.symmetricEigen(empty)
        #expect(eigen.values.isEmpty && eigen.vectors == empty)
        #expect(try LAPACK.solvePositiveDefinite(empty, Matrix(rows: 0, columns: 2)) == Matrix(rows: 0, columns: 2))
        #expect(try LAPACK.orthonormalBasis(Matrix(rows: 0, columns: 3)) == Matrix(rows: 0, columns: 0))
        let (u, s, vt) = try LAPACK.svd(Matrix(rows: 4, columns: 0))
        #expect(u == Matrix(rows: 4, columns: 0) && s.isEmpty && vt == Matrix(rows: 0, columns: 0))
    }

    @Test func shapeMismatchStopsTheProgram() async {
        await #expect(processExitsWith: .failure) { _ = try? LAPACK.symmetricEigen(Matrix(rows: 2, columns: 3)) }
        await #expect(processExitsWith: .failure) {
            _ = try? LAPACK.solvePositiveDefinite(Matrix(rows: 2, columns: 3), Matrix(rows: 2, columns: 1))
        }
        await #expect(processExitsWith: .failure) {
            _ = try? LAPACK.solvePositiveDefinite(Matrix(rows: 2, columns: 2), Matrix(rows: 3, columns: 1))
        }
    }
}
