import LinearAlgebra
import Testing

/// Sparse dot products and norms against the same vectors densified; tolerance 1e-5 absolute (≤ 200 terms in [-1, 1)).
struct SparseVectorTests {
    static func dense(_ v: SparseVector, length: Int) -> [Float] {
        var d = [Float](repeating: 0, count: length)
        for (i, x) in zip(v.indices, v.values) { d[Int(i)] = x }
        return d
    }

    static func denseDot(_ a: [Float], _ b: [Float]) -> Float {
        Float(zip(a, b).reduce(0.0) { $0 + Double($1.0) * Double($1.1) })
    }

    @Test(arguments: 0 ..< 10)
    func dotAndNormMatchDense(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed))
        let a = TestData.sparseVector(length: 200, density: 0.1 + Double(seed) / 20, generator: &generator)
        let b = TestData.sparseVector(length: 200, density: 0.3, generator: &generator)
        let (da, db) = (Self.dense(a, length: 200), Self.dense(b, length: 200))
        #expect(abs(a.dot(b) - Self.denseDot(da, db)) < 1e-5)
        #expect(abs(b.dot(a) - Self.denseDot(da, db)) < 1e-5)
        let viaDense = db.withUnsafeBufferPointer { a.dot(dense: $0) }
        #expect(abs(viaDense - Self.denseDot(da, db)) < 1e-5)
        #expect(abs(a.norm - Self.denseDot(da, da).squareRoot()) < 1e-5)
        let unit = a.normalized()
        #expect(unit.indices == a.indices)
        if !a.isEmpty { #expect(abs(unit.norm - 1) < 1e-6) }
    }

    @Test func emptyAndZeroVectors() {
        let e = SparseVector.empty
        #expect(e.isEmpty && e.norm == 0 && e.normalized() == e)
        #expect(e.dot(SparseVector(indices: [1, 5], values: [2, 3])) == 0)
        #expect([Float]().withUnsafeBufferPointer { e.dot(dense: $0) } == 0)
        let zero = SparseVector(indices: [3], values: [0])
        #expect(zero.normalized() == zero)
        #expect(SparseVector(indices: [0, 2], values: [3, 4]).normalized().values == [0.6, 0.8])
        #expect(SparseVector(indices: [0, 2], values: [1, 2]).dot(SparseVector(indices: [1, 2], values: [5, 7])) == 14)
    }

    @Test func invalidVectorsStopTheProgram() async {
        await #expect(processExitsWith: .failure) { _ = SparseVector(indices: [2, 1], values: [1, 1]) }
        await #expect(processExitsWith: .failure) { _ = SparseVector(indices: [1, 1], values: [1, 1]) }
        await #expect(processExitsWith: .failure) { _ = SparseVector(indices: [-1], values: [1]) }
        await #expect(processExitsWith: .failure) { _ = SparseVector(indices: [1], values: [1, 2]) }
        await #expect(processExitsWith: .failure) {
            _ = [Float](repeating: 1, count: 3).withUnsafeBufferPointer {
                SparseVector(indices: [3], values: [1]).dot(dense: $0)
            }
        }
    }
}
