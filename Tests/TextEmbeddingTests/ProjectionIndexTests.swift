import Foundation
import Testing
@testable import TextEmbedding

/// Every kernel of the projection index's lookup finds the row ``ProjectionIndex/row(of:)`` finds — the
/// rank of the bucket among the projection buckets — for every bucket of the committed model's table and
/// for buckets that are negative or past it, and keeps the values of the buckets it finds, in order.
@Suite struct ProjectionIndexTests {
    @Test func everyKernelFindsTheRowsOfTheDefinition() throws {
        let model = try FittedModels.standard.get()
        let index = model.projectionIndex
        let bucketCount = model.definition.bucketCount
        let buckets = [Int32.min, -1, -64] + (0 ..< Int32(bucketCount)).map { $0 }
            + [Int32(bucketCount), Int32(bucketCount) + 63, Int32(bucketCount) + 64, .max]
        let values = buckets.indices.map { Float($0) }
        var expectedRows: [Int] = []
        var expectedWeights: [Float] = []
        for (bucket, value) in zip(buckets, values) where index.row(of: Int(bucket)) >= 0 {
            expectedRows.append(index.row(of: Int(bucket)))
            expectedWeights.append(value)
        }
        // Ascending buckets give the rows 0, 1, 2, … in order: the rank is the row.
        #expect(expectedRows == Array(0 ..< model.projectionBucketCount))
        for kernel in ProjectionIndex.Kernel.allCases where kernel.isAvailable {
            var rows = [Int](repeating: -7, count: buckets.count)
            var weights = [Float](repeating: .nan, count: buckets.count)
            let found = buckets.withUnsafeBufferPointer { buckets in
                values.withUnsafeBufferPointer { values in
                    rows.withUnsafeMutableBufferPointer { rows in
                        weights.withUnsafeMutableBufferPointer { weights in
                            guard let rowBase = rows.baseAddress, let weightBase = weights.baseAddress else { return -1 }
                            return index.rows(of: buckets, values: values, rows: rowBase, weights: weightBase, kernel: kernel)
                        }
                    }
                }
            }
            #expect(found == expectedRows.count, "\(kernel)")
            #expect(Array(rows.prefix(found)) == expectedRows, "\(kernel)")
            #expect(Array(weights.prefix(found)) == expectedWeights, "\(kernel)")
        }
    }

    /// The machines arxrec is measured on (x86-64 with POPCNT) take the C kernel.
    @Test func thePopcountKernelIsChosenWhereTheCPUHasIt() {
        #if arch(x86_64)
        let flags = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let words = Set(flags.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }))
        #expect(ProjectionIndex.Kernel.fastest == (words.contains("popcnt") ? .popcountInstruction : .portable))
        #else
        #expect(ProjectionIndex.Kernel.fastest == .portable)
        #endif
    }
}
