import Foundation
import LinearAlgebra
import Testing

/// The randomized truncated SVD against `LAPACK.svd` (sgesdd) of the densified matrix.
///
/// The test matrix is 300×120 at 30% density with column `j` scaled by `exp(−j/8)`, so its singular values
/// decay geometrically and the top 10 are well separated from the rest. With 16 oversampling columns and 3
/// power iterations the captured subspace is accurate to Float rounding; tolerances: singular values to 1e-3
/// relative, singular vectors to 1e-3 in |cosine|.
struct TruncatedSVDTests {
    static let decaying = TestData.sparseMatrix(300, 120, density: 0.3, seed: 71) { Float(exp(-Double($0) / 8)) }

    @Test func matchesDenseSVDOnADecayingSpectrum() throws {
        let a = Self.decaying
        let rank = 10
        let result = try truncatedSVD(of: a, rank: rank, seed: 1)
        let exact = try LAPACK.svd(a.densified())
        #expect(result.u.rows == 300 && result.u.columns == rank)
        #expect(result.vt.rows == rank && result.vt.columns == 120)
        #expect(result.singularValues == result.singularValues.sorted(by: >))
        for i in 0 ..< rank {
            #expect(abs(result.singularValues[i] - exact.s[i]) <= 1e-3 * exact.s[i], "σ\(i)")
        }
        // Subspace agreement: matching singular vectors up to sign.
        for i in 0 ..< rank {
            let uCosine = (0 ..< 300).reduce(Float(0)) { $0 + result.u[$1, i] * exact.u[$1, i] }
            let vCosine = (0 ..< 120).reduce(Float(0)) { $0 + result.vt[i, $1] * exact.vt[i, $1] }
            #expect(abs(abs(uCosine) - 1) < 1e-3, "u\(i)")
            #expect(abs(abs(vCosine) - 1) < 1e-3, "v\(i)")
        }
        // Orthonormal factors, and A·vᵢ = σᵢ·uᵢ.
        #expect(TestData.maxDifference(result.u.transposeMultiply(result.u), TestData.identity(rank)) < 1e-4)
        #expect(TestData.maxDifference(result.vt.multiplyTransposed(result.vt), TestData.identity(rank)) < 1e-4)
        let av = a.multiply(result.vt.transposed())
        for i in 0 ..< rank {
            for r in 0 ..< 300 {
                #expect(abs(av[r, i] - result.singularValues[i] * result.u[r, i]) < 1e-3 * result.singularValues[0])
            }
        }
    }

    @Test func deterministicForASeed() throws {
        let a = Self.decaying
        let first = try truncatedSVD(of: a, rank: 6, powerIterations: 1, seed: 42)
        let second = try truncatedSVD(of: a, rank: 6, powerIterations: 1, seed: 42)
        #expect(first.u == second.u && first.singularValues == second.singularValues && first.vt == second.vt)
        // Another seed draws another block (different rounding), yet finds the same spectrum.
        let other = try truncatedSVD(of: a, rank: 6, powerIterations: 1, seed: 43)
        #expect(other.u != first.u)
        for i in 0 ..< 6 {
            let difference = abs(other.singularValues[i] - first.singularValues[i])
            #expect(difference <= 1e-3 * first.singularValues[i])
        }
    }

    /// With rank + oversampling ≥ min(m, n) the range is the whole column space: exact up to rounding, even
    /// with a flat spectrum. The rank is clamped to min(m, n) = 20.
    @Test func exactWhenTheSampleCoversTheMatrix() throws {
        let a = TestData.sparseMatrix(35, 20, density: 0.5, seed: 72)
        let result = try truncatedSVD(of: a, rank: 50, oversampling: 0, powerIterations: 0, seed: 9)
        let exact = try LAPACK.svd(a.densified())
        #expect(result.singularValues.count == 20 && result.u.columns == 20 && result.vt.rows == 20)
        #expect(TestData.maxDifference(result.singularValues, exact.s) < 1e-4 * exact.s[0])
        var scaled = result.u
        for i in 0 ..< 35 { for j in 0 ..< 20 { scaled[i, j] *= result.singularValues[j] } }
        #expect(TestData.maxDifference(scaled.multiply(result.vt), a.densified()) < 1e-4)
    }

    @Test func emptyAndZeroRank() throws {
        let noRows = try truncatedSVD(of: SparseMatrix(rows: [], columns: 7), rank: 3, seed: 1)
        #expect(noRows.u.rows == 0 && noRows.u.columns == 0 && noRows.singularValues.isEmpty)
        #expect(noRows.vt.rows == 0 && noRows.vt.columns == 7)
        let zeroRank = try truncatedSVD(of: Self.decaying, rank: 0, seed: 1)
        #expect(zeroRank.u.rows == 300 && zeroRank.u.columns == 0 && zeroRank.vt.columns == 120)
        // An all-zero matrix has zero singular values and still orthonormal factors.
        let zeros = try truncatedSVD(of: SparseMatrix(rows: [.empty, .empty, .empty], columns: 4), rank: 2, seed: 1)
        #expect(zeros.singularValues == [0, 0])
        #expect(TestData.maxDifference(zeros.u.transposeMultiply(zeros.u), TestData.identity(2)) < 1e-5)
    }

    @Test func nonFiniteEntryThrows() {
        let a = SparseMatrix(
            rows: [SparseVector(indices: [0], values: [1]), SparseVector(indices: [1, 2], values: [2, .nan])], columns: 3)
        let error = #expect(throws: LAPACKError.self) { try truncatedSVD(of: a, rank: 1, seed: 1) }
        #expect(error?.description == "truncatedSVD: input contains NaN or infinity (element (1, 2) is nan); clean the matrix before calling")
    }

    @Test func negativeRankStopsTheProgram() async {
        await #expect(processExitsWith: .failure) {
            _ = try? truncatedSVD(of: SparseMatrix(rows: [.empty], columns: 1), rank: -1, seed: 1)
        }
    }
}
