import LinearAlgebra
import Testing

/// Products through the postings against pairwise merge-join dot products.
struct SparsePostingsTests {
    @Test(arguments: [1, 13, 40])
    func productsMatchPairwiseDots(rows: Int) {
        let set = SparseGramTests.randomRows(rows, dimension: 50, seed: UInt64(rows) + 40)
        let postings = SparsePostings(rows: set)
        #expect(postings.rowCount == rows)
        var products = [Float](repeating: .nan, count: rows)
        for probe in SparseGramTests.randomRows(12, dimension: 60, seed: 41) {
            products.withUnsafeMutableBufferPointer { postings.products(with: probe, into: $0) }
            for (j, row) in set.enumerated() { #expect(abs(products[j] - probe.dot(row)) < 1e-5) }
        }
    }

    @Test func aVectorSharingNothingGivesZeros() {
        let postings = SparsePostings(rows: [SparseVector(indices: [1, 5], values: [1, 2]), SparseVector(indices: [7], values: [3])])
        var products: [Float] = [9, 9]
        products.withUnsafeMutableBufferPointer { postings.products(with: SparseVector(indices: [0, 6, 100], values: [1, 1, 1]), into: $0) }
        #expect(products == [0, 0])
        products.withUnsafeMutableBufferPointer { postings.products(with: .empty, into: $0) }
        #expect(products == [0, 0])
        products.withUnsafeMutableBufferPointer { postings.products(with: SparseVector(indices: [5, 7], values: [2, 1]), into: $0) }
        #expect(products == [4, 3])
    }

    @Test func anEmptySetHasNoProducts() {
        let postings = SparsePostings(rows: [])
        var products: [Float] = []
        products.withUnsafeMutableBufferPointer { postings.products(with: SparseVector(indices: [3], values: [1]), into: $0) }
        #expect(postings.rowCount == 0)
    }
}
