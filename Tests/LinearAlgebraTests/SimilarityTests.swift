import LinearAlgebra
import Testing

/// Similarity scans against the naive `Double` loop; tolerance 1e-4 absolute (dimension ≤ 64, inputs in [-1, 1)).
struct SimilarityTests {
    @Test func oneQueryAgainstAllRows() {
        let rows = TestData.matrix(301, 64, seed: 31)
        let query = TestData.vector(64, seed: 32)
        let expected = TestData.product(rows, Matrix(rows: 64, columns: 1, storage: query)).storage
        var scores: [Float] = [9, 9]
        rows.withUnsafeBufferPointer {
            Similarity.dotProducts(rows: $0, rowCount: 301, dimension: 64, query: query, into: &scores)
        }
        #expect(scores.count == 301)
        #expect(TestData.maxDifference(scores, expected) < 1e-4)

        // Reused: the same buffer is overwritten, and a prefix of the rows can be scanned.
        rows.withUnsafeBufferPointer {
            Similarity.dotProducts(rows: $0, rowCount: 301, dimension: 64, query: query, into: &scores)
        }
        #expect(TestData.maxDifference(scores, expected) < 1e-4)
        rows.withUnsafeBufferPointer {
            Similarity.dotProducts(rows: $0, rowCount: 10, dimension: 64, query: query, into: &scores)
        }
        #expect(TestData.maxDifference(scores, Array(expected[0 ..< 10])) < 1e-4)
    }

    @Test func manyQueriesAgainstAllRows() {
        let rows = TestData.matrix(150, 48, seed: 33)
        let queries = TestData.matrix(7, 48, seed: 34)
        let result = rows.withUnsafeBufferPointer {
            Similarity.dotProducts(rows: $0, rowCount: 150, dimension: 48, queries: queries)
        }
        #expect(result.rows == 150 && result.columns == 7)
        #expect(TestData.maxDifference(result, TestData.product(rows, queries, transposeB: true)) < 1e-4)
    }

    @Test func emptyLibrary() {
        var scores: [Float] = [1]
        let none = [Float]()
        none.withUnsafeBufferPointer {
            Similarity.dotProducts(rows: $0, rowCount: 0, dimension: 4, query: [1, 2, 3, 4], into: &scores)
        }
        #expect(scores.isEmpty)
        let result = none.withUnsafeBufferPointer {
            Similarity.dotProducts(rows: $0, rowCount: 0, dimension: 4, queries: Matrix(rows: 3, columns: 4))
        }
        #expect(result.rows == 0 && result.columns == 3)
    }

    @Test func dimensionMismatchStopsTheProgram() async {
        await #expect(processExitsWith: .failure) {
            var scores = [Float]()
            [Float](repeating: 0, count: 8).withUnsafeBufferPointer {
                Similarity.dotProducts(rows: $0, rowCount: 2, dimension: 4, query: [1, 2, 3], into: &scores)
            }
        }
        await #expect(processExitsWith: .failure) {
            var scores = [Float]()
            [Float](repeating: 0, count: 7).withUnsafeBufferPointer {
                Similarity.dotProducts(rows: $0, rowCount: 2, dimension: 4, query: [1, 2, 3, 4], into: &scores)
            }
        }
        await #expect(processExitsWith: .failure) {
            _ = [Float](repeating: 0, count: 8).withUnsafeBufferPointer {
                Similarity.dotProducts(rows: $0, rowCount: 2, dimension: 4, queries: Matrix(rows: 1, columns: 3))
            }
        }
    }
}
