import LinearAlgebra
import Testing

struct SparseMatrixTests {
    @Test func csrLayoutFromRows() {
        let a = SparseMatrix(
            rows: [
                SparseVector(indices: [0, 3], values: [1, 2]),
                .empty,
                SparseVector(indices: [1], values: [5]),
            ], columns: 4)
        #expect(a.rows == 3 && a.columns == 4 && a.nonzeroCount == 3)
        #expect(a.rowOffsets == [0, 2, 2, 3])
        #expect(a.columnIndices == [0, 3, 1])
        #expect(a.values == [1, 2, 5])
        #expect(a.row(1) == .empty)
        #expect(a.densified() == Matrix(rows: 3, columns: 4, storage: [1, 0, 0, 2, 0, 0, 0, 0, 0, 5, 0, 0]))
        let raw = SparseMatrix(rows: 3, columns: 4, rowOffsets: [0, 2, 2, 3], columnIndices: [0, 3, 1], values: [1, 2, 5])
        #expect(raw == a)
    }

    @Test func rowsRoundTripAndTransposeMatchesDense() {
        var generator = SeededGenerator(seed: 41)
        let vectors = (0 ..< 57).map { _ in TestData.sparseVector(length: 31, density: 0.2, generator: &generator) }
        let a = SparseMatrix(rows: vectors, columns: 31)
        for i in 0 ..< 57 { #expect(a.row(i) == vectors[i]) }
        let t = a.transposed()
        #expect(t.rows == 31 && t.columns == 57 && t.nonzeroCount == a.nonzeroCount)
        #expect(t.densified() == a.densified().transposed())
        #expect(t.transposed() == a)
    }

    @Test func emptyMatrices() {
        let none = SparseMatrix(rows: [], columns: 5)
        #expect(none.rows == 0 && none.rowOffsets == [0])
        #expect(none.transposed().rows == 5 && none.transposed().rowOffsets == [0, 0, 0, 0, 0, 0])
        #expect(none.densified() == Matrix(rows: 0, columns: 5))
        let noColumns = SparseMatrix(rows: [.empty, .empty], columns: 0)
        #expect(noColumns.transposed().rows == 0)
    }

    @Test func invalidLayoutsStopTheProgram() async {
        await #expect(processExitsWith: .failure) {
            _ = SparseMatrix(rows: [SparseVector(indices: [4], values: [1])], columns: 4)
        }
        await #expect(processExitsWith: .failure) {
            _ = SparseMatrix(rows: 1, columns: 4, rowOffsets: [0, 2], columnIndices: [2, 1], values: [1, 1])
        }
        await #expect(processExitsWith: .failure) {
            _ = SparseMatrix(rows: 2, columns: 4, rowOffsets: [0, 1], columnIndices: [2], values: [1])
        }
        await #expect(processExitsWith: .failure) {
            _ = SparseMatrix(rows: [SparseVector(indices: [0], values: [1])], columns: 1).row(1)
        }
    }
}
