/// Sorts a text's features by bucket, keeping first-occurrence order within a bucket, in linear time.
///
/// The featurizer packs each feature as `bucket << 32 | index` (index = first occurrence) and needs them in
/// ascending order of that value. The entries arrive in index order, so a *stable* sort on the bucket bits
/// alone gives exactly that order, and a least-significant-digit radix sort is stable: one pass of 8 bits
/// per byte of the bucket (3 passes for the default 2^20 buckets) over a few hundred entries. It replaced
/// `Array.sort()`, a comparison merge sort that took ~10 % of an abstract's embedding (perf, 2026-12-01,
/// `embed-profile`); the output order is the same by construction, so every vector stays bit-identical.
struct BucketRadixSort {
    private static let digitBits = 8
    private static let digitCount = 1 << digitBits
    private var scratch: [UInt64] = []
    private var histogram = [Int](repeating: 0, count: BucketRadixSort.digitCount)

    /// Sorts `entries` (each `bucket << 32 | index`, appended in increasing index, buckets below
    /// 2^`bucketBits`) ascending.
    mutating func sort(_ entries: inout [UInt64], bucketBits: Int) {
        let count = entries.count
        guard count > 1 else { return }
        if scratch.count < count { scratch = [UInt64](repeating: 0, count: max(count, 2 * scratch.count)) }
        let passes = (bucketBits + Self.digitBits - 1) / Self.digitBits
        var sortedInScratch = false
        entries.withUnsafeMutableBufferPointer { entries in
            scratch.withUnsafeMutableBufferPointer { scratch in
                histogram.withUnsafeMutableBufferPointer { histogram in
                    guard let entryBase = entries.baseAddress, let scratchBase = scratch.baseAddress,
                        let bins = histogram.baseAddress
                    else { return }
                    var source = entryBase
                    var target = scratchBase
                    for pass in 0 ..< passes {
                        let shift = UInt64(32 + pass * Self.digitBits)
                        let mask = UInt64(Self.digitCount - 1)
                        bins.update(repeating: 0, count: Self.digitCount)
                        for i in 0 ..< count { bins[Int((source[i] >> shift) & mask)] += 1 }
                        var start = 0
                        for digit in 0 ..< Self.digitCount {
                            let size = bins[digit]
                            bins[digit] = start
                            start += size
                        }
                        for i in 0 ..< count {
                            let entry = source[i]
                            let digit = Int((entry >> shift) & mask)
                            target[bins[digit]] = entry
                            bins[digit] += 1
                        }
                        swap(&source, &target)
                    }
                    sortedInScratch = source == scratchBase
                }
            }
        }
        if sortedInScratch {
            entries.withUnsafeMutableBufferPointer { entries in
                scratch.withUnsafeBufferPointer { scratch in
                    guard let to = entries.baseAddress, let from = scratch.baseAddress else { return }
                    to.update(from: from, count: count)
                }
            }
        }
    }
}
