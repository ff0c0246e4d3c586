/// Sorts a text's features by bucket, keeping first-occurrence order within a bucket, in linear time.
///
/// The featurizer packs each feature as `bucket << 32 | index` (index = first occurrence) and needs them in
/// ascending order of that value; the values are distinct, so any sort that orders them gives exactly that order.
///
/// A text has a few hundred features spread over 2^20 buckets, so one counting pass on the top bits of the
/// bucket — as many bits as the count needs, at least 8 — leaves each feature in a bin with less than one other
/// on average, and an insertion sort of the result (as it is copied back) puts the few that share a bin in order.
/// It replaced a least-significant-digit radix sort of three 8-bit passes, each clearing, counting, summing
/// and scattering 256 bins (~6 % of an English abstract's embedding, session 12), which before that replaced
/// `Array.sort()` (~10 %). When a bin holds more than ``largestBin`` entries (buckets not spread by a hash, as
/// in tests), the insertion sort could grow quadratic, so the entries take the radix passes instead.
struct BucketRadixSort {
    private static let digitBits = 8
    private static let digitCount = 1 << digitBits
    /// The most entries a bin may hold for the insertion sort; more, and the radix passes sort instead.
    static let largestBin = 32
    private var scratch: [UInt64] = []
    private var histogram: [Int] = []

    /// Sorts `entries` (each `bucket << 32 | index`, appended in increasing index, buckets below
    /// 2^`bucketBits`) ascending.
    mutating func sort(_ entries: inout [UInt64], bucketBits: Int) {
        let count = entries.count
        guard count > 1 else { return }
        if scratch.count < count { scratch = [UInt64](repeating: 0, count: max(count, 2 * scratch.count)) }
        let topBits = min(bucketBits, max(Self.digitBits, Int.bitWidth - count.leadingZeroBitCount))
        let binCount = max(1 << topBits, Self.digitCount)
        if histogram.count < binCount { histogram = [Int](repeating: 0, count: binCount) }
        let spread = entries.withUnsafeMutableBufferPointer { entries in
            scratch.withUnsafeMutableBufferPointer { scratch in
                histogram.withUnsafeMutableBufferPointer { histogram in
                    guard let entryBase = entries.baseAddress, let scratchBase = scratch.baseAddress,
                        let bins = histogram.baseAddress
                    else { return true }
                    return Self.sortByTopBits(
                        entryBase, count: count, scratch: scratchBase, bins: bins,
                        shift: UInt64(32 + bucketBits - topBits), binCount: 1 << topBits)
                }
            }
        }
        if !spread { sortByDigits(&entries, bucketBits: bucketBits) }
    }

    /// The counting pass on the top bits (`entry >> shift`, below `binCount`) into `scratch`, then the insertion
    /// sort back into `entries`; false, with `entries` untouched, when a bin holds more than ``largestBin``.
    @inline(__always)
    private static func sortByTopBits(
        _ entries: UnsafeMutablePointer<UInt64>, count: Int, scratch: UnsafeMutablePointer<UInt64>,
        bins: UnsafeMutablePointer<Int>, shift: UInt64, binCount: Int
    ) -> Bool {
        // Masked, so a bucket past 2^bucketBits (a broken caller) cannot index past the bins.
        let mask = UInt64(binCount - 1)
        bins.update(repeating: 0, count: binCount)
        for i in 0 ..< count { bins[Int(truncatingIfNeeded: entries[i] >> shift & mask)] += 1 }
        var start = 0
        var largest = 0
        for bin in 0 ..< binCount {
            let size = bins[bin]
            bins[bin] = start
            start += size
            largest = max(largest, size)
        }
        guard largest <= largestBin else { return false }
        for i in 0 ..< count {
            let entry = entries[i]
            let bin = Int(truncatingIfNeeded: entry >> shift & mask)
            scratch[bins[bin]] = entry
            bins[bin] += 1
        }
        for i in 0 ..< count {
            let entry = scratch[i]
            var j = i
            while j > 0 && entries[j - 1] > entry {
                entries[j] = entries[j - 1]
                j -= 1
            }
            entries[j] = entry
        }
        return true
    }

    /// The stable least-significant-digit radix sort: one pass of 8 bits per byte of the bucket.
    private mutating func sortByDigits(_ entries: inout [UInt64], bucketBits: Int) {
        let count = entries.count
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
