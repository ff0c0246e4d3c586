import LinearAlgebra
import Testing

struct MatrixTests {
    @Test func initialisersAndSubscript() {
        var a = Matrix(rows: 2, columns: 3, repeating: 1.5)
        #expect(a.storage == [Float](repeating: 1.5, count: 6))
        a[1, 2] = 7
        #expect(a.storage[5] == 7)
        #expect(a[1, 2] == 7)
        let b = Matrix(rows: 2, columns: 3, storage: [1, 2, 3, 4, 5, 6])
        #expect(b[0, 2] == 3 && b[1, 0] == 4)
        #expect(Array(b.row(1)) == [4, 5, 6])
        #expect(b != a)
        #expect(Matrix(rows: 0, columns: 5).storage.isEmpty)
    }

    @Test func storageMutatesInPlaceAndKeepsShape() {
        var a = Matrix(rows: 2, columns: 2)
        a.storage[3] = 9
        a.storage = [1, 2, 3, 4]
        #expect(a[1, 1] == 4)
        a.withUnsafeMutableBufferPointer { $0[0] = -1 }
        #expect(a[0, 0] == -1)
        #expect(a.withUnsafeBufferPointer { $0.count } == 4)
    }

    /// A copy would move the elements to a new buffer while the old one is still alive, so an unchanged
    /// address proves the write happened in place (this test module is another module, as callers are).
    @Test func elementWritesThroughStorageDoNotCopy() {
        var a = Matrix(rows: 300, columns: 300)
        func address(_ m: Matrix) -> UInt { m.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) } }
        let before = address(a)
        a.storage[5] = 1
        a.storage[6] += 2
        a[3, 3] = 4
        a.withUnsafeMutableBufferPointer { $0[7] = 3 }
        #expect(address(a) == before)
        #expect(a.storage[5] == 1 && a.storage[6] == 2 && a.storage[7] == 3 && a[3, 3] == 4)
    }

    @Test func transposedMatchesElementwiseDefinition() {
        for (m, n) in [(37, 53), (1, 9), (64, 64), (0, 4)] {
            let a = TestData.matrix(m, n, seed: UInt64(m * 100 + n))
            let t = a.transposed()
            #expect(t.rows == n && t.columns == m)
            for i in 0 ..< m { for j in 0 ..< n { #expect(t[j, i] == a[i, j]) } }
            #expect(t.transposed() == a)
        }
    }

    /// Tolerance: unit norms to 1e-6 (a few Float ulps).
    @Test func normalizeRowsGivesUnitRowsAndKeepsZeroRows() {
        var a = TestData.matrix(20, 33, seed: 3)
        for j in 0 ..< 33 { a[7, j] = 0 }
        let original = a
        a.normalizeRows()
        for i in 0 ..< 20 {
            let norm = a.row(i).reduce(0) { $0 + Double($1) * Double($1) }.squareRoot()
            if i == 7 {
                #expect(a.row(i).allSatisfy { $0 == 0 })
            } else {
                #expect(abs(norm - 1) < 1e-6)
                // Same direction: each element scaled by the same positive factor.
                let scale = a[i, 0] / original[i, 0]
                #expect(scale > 0)
                for j in 0 ..< 33 { #expect(abs(a[i, j] - original[i, j] * scale) < 1e-6) }
            }
        }
        var empty = Matrix(rows: 0, columns: 3)
        empty.normalizeRows()
        #expect(empty.rows == 0)
    }

    @Test func shapeViolationsStopTheProgram() async {
        await #expect(processExitsWith: .failure) { _ = Matrix(rows: 2, columns: 2, storage: [1, 2, 3]) }
        await #expect(processExitsWith: .failure) {
            var a = Matrix(rows: 2, columns: 2)
            a.storage = [1, 2, 3]
        }
        await #expect(processExitsWith: .failure) {
            var a = Matrix(rows: 2, columns: 2)
            a.storage.append(1)
        }
        await #expect(processExitsWith: .failure) { _ = Matrix(rows: 2, columns: 2)[2, 0] }
        await #expect(processExitsWith: .failure) { _ = Matrix(rows: 2, columns: 2).row(-1) }
    }
}
