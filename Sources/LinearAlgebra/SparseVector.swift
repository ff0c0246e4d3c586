import CBLAS

/// A sparse `Float` vector: the non-zero entries as parallel arrays of strictly increasing indices and values.
///
/// Sorted indices let two vectors meet in one merge pass and let a sparse matrix be built from rows without
/// sorting.
public struct SparseVector: Sendable, Equatable, Hashable {
    /// The positions of the stored entries, strictly increasing and non-negative.
    public var indices: [Int32]
    /// The stored entries, `values[i]` at position `indices[i]`.
    public var values: [Float]

    /// A vector with `values[i]` at `indices[i]`; `indices` must be strictly increasing and non-negative and
    /// both arrays of the same length.
    ///
    /// - Complexity: O(nonzeros), to check the order.
    public init(indices: [Int32], values: [Float]) {
        precondition(
            indices.count == values.count,
            "SparseVector: \(indices.count) indices but \(values.count) values")
        precondition(indices.first.map { $0 >= 0 } ?? true, "SparseVector: negative index \(indices.first ?? 0)")
        for i in indices.indices.dropFirst() {
            precondition(
                indices[i - 1] < indices[i],
                "SparseVector: indices not strictly increasing at \(i) (\(indices[i - 1]), \(indices[i]))")
        }
        self.indices = indices
        self.values = values
    }

    /// Adopts arrays the caller guarantees to be valid (used when slicing a checked sparse matrix).
    init(uncheckedIndices indices: [Int32], values: [Float]) {
        self.indices = indices
        self.values = values
    }

    /// The vector with no stored entries.
    public static let empty = SparseVector(uncheckedIndices: [], values: [])

    /// Whether no entry is stored.
    public var isEmpty: Bool { indices.isEmpty }

    /// The dot product with `other`, walking both index lists once.
    ///
    /// - Complexity: O(nonzeros of self + nonzeros of other).
    public func dot(_ other: SparseVector) -> Float {
        var sum: Float = 0
        indices.withUnsafeBufferPointer { leftIndices in
            values.withUnsafeBufferPointer { leftValues in
                other.indices.withUnsafeBufferPointer { rightIndices in
                    other.values.withUnsafeBufferPointer { rightValues in
                        var (i, j) = (0, 0)
                        while i < leftIndices.count && j < rightIndices.count {
                            let (a, b) = (leftIndices[i], rightIndices[j])
                            if a == b {
                                sum += leftValues[i] * rightValues[j]
                                i += 1
                                j += 1
                            } else if a < b {
                                i += 1
                            } else {
                                j += 1
                            }
                        }
                    }
                }
            }
        }
        return sum
    }

    /// The dot product with a dense vector, which must be long enough to hold every stored index.
    ///
    /// - Complexity: O(nonzeros).
    public func dot(dense: UnsafeBufferPointer<Float>) -> Float {
        if let last = indices.last {
            precondition(
                Int(last) < dense.count,
                "SparseVector.dot(dense:): index \(last) outside a dense vector of \(dense.count) elements")
        }
        var sum: Float = 0
        indices.withUnsafeBufferPointer { positions in
            values.withUnsafeBufferPointer { entries in
                for i in 0 ..< positions.count { sum += entries[i] * dense[Int(positions[i])] }
            }
        }
        return sum
    }

    /// `Σ weights[i] × vectors[i]`, the entries of every vector merged by index (entries that cancel to 0 are
    /// kept): the query `similar` moves towards its best neighbours (``SimilarReRank``'s feedback).
    ///
    /// - Complexity: O(total nonzeros × log(total nonzeros)).
    public static func sum(_ vectors: [SparseVector], weights: [Float]) -> SparseVector {
        precondition(vectors.count == weights.count, "SparseVector.sum: \(vectors.count) vectors, \(weights.count) weights")
        var entries: [(index: Int32, value: Float)] = []
        entries.reserveCapacity(vectors.reduce(0) { $0 + $1.indices.count })
        for (vector, weight) in zip(vectors, weights) {
            for (index, value) in zip(vector.indices, vector.values) { entries.append((index, weight * value)) }
        }
        // A stable sort keeps each index's terms in the vectors' order, so the sum is the same on every run.
        entries = entries.enumerated().sorted { $0.element.index != $1.element.index ? $0.element.index < $1.element.index : $0.offset < $1.offset }
            .map(\.element)
        var indices: [Int32] = []
        var values: [Float] = []
        for entry in entries {
            if indices.last == entry.index { values[values.count - 1] += entry.value } else {
                indices.append(entry.index)
                values.append(entry.value)
            }
        }
        return SparseVector(uncheckedIndices: indices, values: values)
    }

    /// The Euclidean length, computed by `cblas_snrm2` (no overflow on large entries).
    ///
    /// - Complexity: O(nonzeros).
    public var norm: Float {
        guard !values.isEmpty else { return 0 }
        return values.withUnsafeBufferPointer { cblas_snrm2(Int32($0.count), $0.baseAddress, 1) }
    }

    /// The vector scaled to unit length; a vector of norm zero is returned unchanged.
    ///
    /// - Complexity: O(nonzeros).
    public func normalized() -> SparseVector {
        let length = norm
        guard length > 0 else { return self }
        let scale = 1 / length
        return SparseVector(uncheckedIndices: indices, values: values.map { $0 * scale })
    }
}
