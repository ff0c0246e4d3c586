import Testing
@testable import LinearAlgebra

struct DenseVectorTests {
    @Test func dotAddAndNormalizeMatchTheirDefinitions() {
        let a: [Float] = [1, -2, 3, 0.5]
        let b: [Float] = [4, 0.25, -1, 2]
        let expected: Float = 4 - 0.5 - 3 + 1  // 1·4 + (−2)·0.25 + 3·(−1) + 0.5·2
        #expect(DenseVector.dot(a, b) == expected)
        var y = b
        DenseVector.add(a, scaledBy: 2, to: &y)
        #expect(y == [6, -3.75, 5, 3])
        var v: [Float] = [3, 0, -4, 0]
        #expect(DenseVector.normalize(&v))
        #expect(zip(v, [0.6, 0, -0.8, 0] as [Float]).allSatisfy { abs($0 - $1) < 1e-6 })
    }

    @Test func zeroAndEmptyVectorsAreLeftAlone() {
        var zero: [Float] = [0, 0, 0]
        #expect(!DenseVector.normalize(&zero))
        #expect(zero == [0, 0, 0])
        var empty: [Float] = []
        #expect(!DenseVector.normalize(&empty))
        #expect(DenseVector.dot([], []) == 0)
    }
}
