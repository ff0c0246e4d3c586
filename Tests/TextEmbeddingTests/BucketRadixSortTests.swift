import LinearAlgebra
import Testing
@testable import TextEmbedding

/// The radix sort gives exactly `Array.sort()`'s order for what the featurizer packs (`bucket << 32 |
/// index`, indices ascending as appended), for every bucket width a definition allows and every length,
/// many features sharing a bucket included.
@Suite struct BucketRadixSortTests {
    @Test(arguments: [8, 12, 20, 28])
    func sortsAsTheStandardLibraryDoes(bucketBits: Int) {
        var random = SplitMix64(seed: UInt64(bucketBits))
        var sorter = BucketRadixSort()
        for length in [0, 1, 2, 17, 300, 5_000] {
            // Few distinct buckets for some lengths, so equal buckets must keep their index order.
            let bucketRange = length % 2 == 0 ? UInt64(1) << UInt64(bucketBits) : 7
            var entries = (0 ..< length).map { index in
                (random.next() % bucketRange) << 32 | UInt64(index)
            }
            let expected = entries.sorted()
            sorter.sort(&entries, bucketBits: bucketBits)
            #expect(entries == expected, "\(length) entries")
        }
    }

    /// Buckets crowded into a few of the top-bit bins (up to ``BucketRadixSort/largestBin`` a bin, in random
    /// order), so the insertion sort has to move entries; and one bin past that, which the radix passes sort.
    @Test(arguments: [12, 20, 28])
    func sortsCrowdedBins(bucketBits: Int) {
        var random = SplitMix64(seed: UInt64(bucketBits) &+ 99)
        var sorter = BucketRadixSort()
        for (length, bins) in [(40, UInt64(2)), (200, 16), (33, 1), (300, 1)] {
            let lowBits = UInt64(bucketBits - 8)
            var entries = (0 ..< length).map { index in
                ((random.next() % bins) << lowBits | random.next() % (1 << lowBits)) << 32 | UInt64(index)
            }
            let expected = entries.sorted()
            sorter.sort(&entries, bucketBits: bucketBits)
            #expect(entries == expected, "\(length) entries in \(bins) bins")
        }
    }
}
