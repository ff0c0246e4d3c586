package import Library
package import LinearAlgebra

extension Library {
    /// The papers' dense rows from the vector file, in the order of `papers`, and whether each had one
    /// (a paper without a vector row — not the case after `Library.open`'s reconciliation — gets zeros and
    /// `false`). Reading a stored row is what spares `evaluate` and `shortlist` from projecting the papers
    /// a second time.
    ///
    /// A damaged row (``VectorRowCheck``) counts as missing — the caller projects the paper's text — and
    /// is repaired afterwards.
    package func denseRows(of papers: [StoredPaper]) throws -> (rows: Matrix, stored: [Bool]) {
        var damaged = Set<Int>()
        let result = try withVectors { view in
            var matrix = Matrix(rows: papers.count, columns: view.dimension)
            var stored = [Bool](repeating: false, count: papers.count)
            matrix.withUnsafeMutableBufferPointer { out in
                for (i, paper) in papers.enumerated() {
                    guard let row = paper.vectorRow, row < view.rowCount else { continue }
                    guard view.isHealthy(row: row) else {
                        damaged.insert(row)
                        continue
                    }
                    let source = view.row(row)
                    for j in 0 ..< view.dimension { out[i * view.dimension + j] = source[j] }
                    stored[i] = true
                }
            }
            return (matrix, stored)
        }
        _ = repairIfPossible(damaged)
        return result
    }
}
