internal import CKernels

/// Maps a bucket to its projection row (or none) with a rank bitmap.
///
/// A plain `[Int32]` table over 2^20 buckets is 4 MB, and the dense view looks up every non-zero bucket
/// of a text in it — one cache miss each. The bitmap (one bit per bucket, 128 KB) plus the number of set
/// bits before each 64-bit word (64 KB) stays in the L2 cache: the row of a bucket is the count of
/// projection buckets below it.
struct ProjectionIndex: Sendable {
    private let words: [UInt64]
    private let ranks: [Int32]

    /// Which loop looks the rows up; both give the same rows.
    enum Kernel: CaseIterable {
        /// `arx_projection_rows`: the POPCNT instruction, only where the CPU has it. The package targets
        /// baseline x86-64, where `nonzeroBitCount` compiles to a dozen shifts and masks per bucket.
        case popcountInstruction
        /// Swift: any CPU.
        case portable

        /// The fastest kernel this CPU runs.
        static var fastest: Kernel { arx_projection_rows_available() ? .popcountInstruction : .portable }

        /// Whether this CPU can run the kernel.
        var isAvailable: Bool { self == .portable || arx_projection_rows_available() }
    }

    /// An index over `buckets` (ascending, each below `bucketCount`).
    init(buckets: [Int32], bucketCount: Int) {
        var words = [UInt64](repeating: 0, count: (bucketCount + 63) / 64)
        for bucket in buckets { words[Int(bucket) >> 6] |= 1 << UInt64(bucket & 63) }
        var ranks = [Int32](repeating: 0, count: words.count)
        var total: Int32 = 0
        for i in words.indices {
            ranks[i] = total
            total += Int32(words[i].nonzeroBitCount)
        }
        self.words = words
        self.ranks = ranks
    }

    /// The projection row of `bucket`, or -1 when it has none (or lies outside the table).
    @inline(__always)
    func row(of bucket: Int) -> Int {
        guard bucket >= 0 else { return -1 }
        let word = bucket >> 6
        guard word < words.count else { return -1 }
        let bits = words[word]
        let bit: UInt64 = 1 << UInt64(bucket & 63)
        guard bits & bit != 0 else { return -1 }
        return Int(ranks[word]) + (bits & (bit &- 1)).nonzeroBitCount
    }

    /// For each of `buckets` in order that has a row: its row into `rows` and its value into `weights`
    /// (both with room for `buckets.count`); returns how many were written. `kernel` must be available.
    func rows(
        of buckets: UnsafeBufferPointer<Int32>, values: UnsafeBufferPointer<Float>,
        rows: UnsafeMutablePointer<Int>, weights: UnsafeMutablePointer<Float>, kernel: Kernel = .fastest
    ) -> Int {
        precondition(values.count == buckets.count)
        guard kernel == .popcountInstruction, let bucketBase = buckets.baseAddress, let valueBase = values.baseAddress
        else {
            var found = 0
            for k in 0 ..< buckets.count {
                let row = row(of: Int(buckets[k]))
                if row >= 0 {
                    rows[found] = row
                    weights[found] = values[k]
                    found += 1
                }
            }
            return found
        }
        return words.withUnsafeBufferPointer { words in
            ranks.withUnsafeBufferPointer { ranks in
                guard let wordBase = words.baseAddress, let rankBase = ranks.baseAddress else { return 0 }
                return arx_projection_rows(
                    bucketBase, valueBase, buckets.count, wordBase, rankBase, words.count, rows, weights)
            }
        }
    }
}
