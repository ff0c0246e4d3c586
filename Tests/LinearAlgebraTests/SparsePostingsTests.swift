@testable import LinearAlgebra
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

    /// The counting sort lays the entries out as a stable sort by index would: indices ascending, rows
    /// ascending within each.
    @Test func theLayoutIsTheStableSortByIndex() {
        let set = SparseGramTests.randomRows(60, dimension: 300, seed: 44) + [.empty]
        let postings = SparsePostings(rows: set)
        let entries = set.enumerated().flatMap { row, vector in
            zip(vector.indices, vector.values).map { (index: $0, row: Int32(row), value: $1) }
        }.sorted { $0.index != $1.index ? $0.index < $1.index : $0.row < $1.row }
        #expect(postings.rows == entries.map(\.row) && postings.values == entries.map(\.value))
        #expect(postings.indices == Array(Set(entries.map(\.index))).sorted())
        for (k, index) in postings.indices.enumerated() {
            #expect(entries[postings.offsets[k]].index == index)
            #expect(postings.offsets[k + 1] == entries.count || entries[postings.offsets[k + 1]].index != index)
        }
        #expect(postings.offsets.last == entries.count)
    }

    @Test func anEmptySetHasNoProducts() {
        let postings = SparsePostings(rows: [])
        var products: [Float] = []
        products.withUnsafeMutableBufferPointer { postings.products(with: SparseVector(indices: [3], values: [1]), into: $0) }
        #expect(postings.rowCount == 0)
    }
}

/// The matrix form: every vector's products with the set, row by row, on two threads.
struct SparsePostingsMatrixTests {
    @Test func productsMatrixMatchesPairwiseDots() {
        let set = SparseGramTests.randomRows(23, dimension: 40, seed: 51)
        let vectors = SparseGramTests.randomRows(9, dimension: 40, seed: 52)
        let k = SparsePostings(rows: set).products(with: vectors)
        #expect(k.rows == 9 && k.columns == 23)
        for i in 0 ..< 9 {
            for j in 0 ..< 23 { #expect(abs(k[i, j] - vectors[i].dot(set[j])) < 1e-5) }
        }
        #expect(SparsePostings(rows: set).products(with: []).rows == 0)
        #expect(SparsePostings(rows: []).products(with: vectors).columns == 0)
    }

    @Test func theSetsOwnGramIsSymmetric() {
        let set = SparseGramTests.randomRows(30, dimension: 64, seed: 53)
        let gram = SparsePostings(rows: set).products(with: set)
        let reference = SparseGram.gram(set, dimension: 64)
        for i in 0 ..< 30 {
            for j in 0 ..< 30 {
                #expect(abs(gram[i, j] - reference[i, j]) < 1e-5)
                #expect(abs(gram[i, j] - gram[j, i]) < 1e-5)
            }
        }
    }
}
