import LinearAlgebra
import Testing

/// Gram products against pairwise merge-join dot products (exact up to summation order: 1e-5).
struct SparseGramTests {
    static func randomRows(_ count: Int, dimension: Int, seed: UInt64) -> [SparseVector] {
        var generator = SeededGenerator(seed: seed)
        return (0 ..< count).map { _ in
            var indices = Set<Int32>()
            let nonzeros = Int(generator.next() % 12)
            while indices.count < nonzeros { indices.insert(Int32(generator.next() % UInt64(dimension))) }
            let sorted = indices.sorted()
            return SparseVector(indices: sorted, values: sorted.map { _ in Float(generator.nextUnitInterval()) - 0.5 })
        }
    }

    @Test(arguments: [0, 1, 2, 17])
    func gramMatchesPairwiseDots(n: Int) {
        let rows = Self.randomRows(n, dimension: 64, seed: UInt64(n) + 3)
        let gram = SparseGram.gram(rows, dimension: 64)
        #expect(gram.rows == n && gram.columns == n)
        for i in 0 ..< n {
            for j in 0 ..< n { #expect(abs(gram[i, j] - rows[i].dot(rows[j])) < 1e-5) }
        }
    }
}
