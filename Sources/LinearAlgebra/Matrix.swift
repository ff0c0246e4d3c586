import CBLAS

/// A dense `Float` matrix stored row-major in one contiguous array.
///
/// One preallocated `[Float]` (never `[[Float]]`) so that a whole matrix can be handed to BLAS and LAPACK
/// without copying: element `(i, j)` lives at `storage[i * columns + j]`.
///
/// Invariant: `storage.count == rows * columns`. Assigning a `storage` of another length is a programmer
/// error and stops the program; element-wise mutation through `storage[i] = x` happens in place.
public struct Matrix: Sendable, Equatable {
    /// The number of rows.
    public private(set) var rows: Int
    /// The number of columns (the length of each row).
    public private(set) var columns: Int
    /// The elements, row after row. Its length must stay `rows * columns`.
    ///
    /// Element writes such as `matrix.storage[i] = x` happen in place, also from other modules (through the
    /// `_modify` accessor; a stored property with `didSet` would copy the whole array on each such write from
    /// outside this module). The length is checked after every mutation.
    public var storage: [Float] {
        get { _storage }
        set {
            Self.checkCount(newValue.count, rows, columns)
            _storage = newValue
        }
        _modify {
            yield &_storage
            Self.checkCount(_storage.count, rows, columns)
        }
    }

    private var _storage: [Float]

    private static func checkCount(_ count: Int, _ rows: Int, _ columns: Int) {
        precondition(count == rows * columns, "Matrix.storage: \(count) elements, a \(rows)×\(columns) matrix needs \(rows * columns)")
    }

    /// A `rows`×`columns` matrix with every element equal to `repeating`.
    ///
    /// - Complexity: O(rows · columns).
    public init(rows: Int, columns: Int, repeating: Float = 0) {
        precondition(rows >= 0 && columns >= 0, "Matrix: negative shape \(rows)×\(columns)")
        self.rows = rows
        self.columns = columns
        self._storage = [Float](repeating: repeating, count: rows * columns)
    }

    /// A `rows`×`columns` matrix over row-major `storage`, which must hold exactly `rows * columns` elements.
    ///
    /// - Complexity: O(1); the array is adopted, not copied.
    public init(rows: Int, columns: Int, storage: [Float]) {
        precondition(rows >= 0 && columns >= 0, "Matrix: negative shape \(rows)×\(columns)")
        precondition(
            storage.count == rows * columns,
            "Matrix: storage has \(storage.count) elements, a \(rows)×\(columns) matrix needs \(rows * columns)")
        self.rows = rows
        self.columns = columns
        self._storage = storage
    }

    /// The element in row `row` and column `column`.
    ///
    /// - Complexity: O(1).
    public subscript(row: Int, column: Int) -> Float {
        get {
            precondition(
                row >= 0 && row < rows && column >= 0 && column < columns,
                "Matrix: index (\(row), \(column)) out of a \(rows)×\(columns) matrix")
            return storage[row * columns + column]
        }
        set {
            precondition(
                row >= 0 && row < rows && column >= 0 && column < columns,
                "Matrix: index (\(row), \(column)) out of a \(rows)×\(columns) matrix")
            storage[row * columns + column] = newValue
        }
    }

    /// Row `i` as a slice of `storage` (its indices are the storage offsets `i * columns ..< (i + 1) * columns`).
    ///
    /// - Complexity: O(1).
    public func row(_ i: Int) -> ArraySlice<Float> {
        precondition(i >= 0 && i < rows, "Matrix.row: row \(i) out of 0..<\(rows)")
        return storage[i * columns ..< (i + 1) * columns]
    }

    /// The transpose: a `columns`×`rows` matrix with `result[j, i] == self[i, j]`.
    ///
    /// Copies in square tiles so that both the reads and the writes stay within a few cache lines.
    ///
    /// - Complexity: O(rows · columns).
    public func transposed() -> Matrix {
        var result = Matrix(rows: columns, columns: rows)
        let (m, n) = (rows, columns)
        let tile = 32
        storage.withUnsafeBufferPointer { source in
            result.storage.withUnsafeMutableBufferPointer { target in
                for rowStart in stride(from: 0, to: m, by: tile) {
                    let rowEnd = min(rowStart + tile, m)
                    for columnStart in stride(from: 0, to: n, by: tile) {
                        let columnEnd = min(columnStart + tile, n)
                        for i in rowStart ..< rowEnd {
                            for j in columnStart ..< columnEnd {
                                target[j * m + i] = source[i * n + j]
                            }
                        }
                    }
                }
            }
        }
        return result
    }

    /// Scales every row to unit Euclidean length, so that dot products of rows become cosine similarities.
    ///
    /// Edge Cases: a row whose elements are all zero stays zero (it has no direction to keep).
    ///
    /// The norm is computed by `cblas_snrm2`, which avoids overflow on large elements.
    ///
    /// - Complexity: O(rows · columns).
    public mutating func normalizeRows() {
        let (m, n) = (rows, columns)
        guard m > 0, n > 0 else { return }
        storage.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for i in 0 ..< m {
                let row = base + i * n
                let norm = cblas_snrm2(Int32(n), row, 1)
                if norm > 0 { cblas_sscal(Int32(n), 1 / norm, row, 1) }
            }
        }
    }

    /// Calls `body` with the row-major elements, for handing the matrix to C routines.
    ///
    /// The pointer is valid only during `body`; do not let it escape.
    public func withUnsafeBufferPointer<R, E: Error>(
        _ body: (UnsafeBufferPointer<Float>) throws(E) -> R
    ) throws(E) -> R {
        let result: Result<R, E> = storage.withUnsafeBufferPointer { buffer in
            do throws(E) { return .success(try body(buffer)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// Calls `body` with the mutable row-major elements; the element count cannot change.
    ///
    /// The pointer is valid only during `body`; do not let it escape.
    public mutating func withUnsafeMutableBufferPointer<R, E: Error>(
        _ body: (UnsafeMutableBufferPointer<Float>) throws(E) -> R
    ) throws(E) -> R {
        let result: Result<R, E> = storage.withUnsafeMutableBufferPointer { buffer in
            do throws(E) { return .success(try body(buffer)) } catch { return .failure(error) }
        }
        return try result.get()
    }
}
