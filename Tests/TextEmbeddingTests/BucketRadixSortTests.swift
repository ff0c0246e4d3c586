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
}
