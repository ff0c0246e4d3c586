internal import CKernels

/// ``Featurizer``'s word features of a text whose every byte is ASCII (all but 195 of the 40,717 English corpus
/// abstracts), in one pass over the bytes: the word scan, its FNV-1a, the stop-word test, the plural stem, the
/// seeded hashes and the counts.
///
/// It gives exactly the features, in exactly the order, of the general path (``Tokenizer`` then the word branch
/// of `Featurizer.extractFeatures`), which tests hold it to: in ASCII text every token is a word — a maximal run
/// of ASCII letters and digits, two or more bytes — and there is no CJK run to segment. What it saves is that
/// path's per-token traffic: an optional token returned from the tokenizer, the CJK and run bookkeeping, and the
/// kind-weight test of every feature, which here is answered once per text. And while it counts, it prefetches
/// the idf entry of every new feature's bucket from the model's 4 MB table, so the sums after the pass find it in
/// the cache (the loads were ~5 % of an English abstract, session 12).
struct ASCIIWordPass {
    let seed: UInt64
    let dropStopWords: Bool
    let stemPlurals: Bool
    /// Whether word unigrams and word bigrams are counted (their kind weight is not 0).
    let countsUnigrams: Bool
    let countsBigrams: Bool
    let bucketBits: Int

    init(definition: ModelDefinition) {
        seed = definition.hashSeed
        dropStopWords = definition.dropEnglishStopWords
        stemPlurals = definition.stemPlurals
        countsUnigrams = definition.weights[.wordUnigram] != 0
        countsBigrams = definition.weights[.wordBigram] != 0
        bucketBits = definition.bucketBits
    }

    /// Whether every byte of `bytes` is ASCII, the condition for ``run(_:counts:idf:)``.
    static func applies(to bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var combined: UInt8 = 0
        for byte in bytes { combined |= byte }
        return combined < 0x80
    }

    /// Counts the word features of the all-ASCII `bytes` into `counts` (emptied by the caller); returns how many
    /// words the text has (stop words included), the tokenizer's count of non-CJK tokens.
    func run(_ bytes: UnsafeBufferPointer<UInt8>, counts: inout FeatureCounts, idf: UnsafePointer<Float>) -> Int {
        let stopWords = EnglishStopWords.table
        let count = bytes.count
        var words = 0
        var previous: UInt64? = nil
        var position = 0
        while position < count {
            guard Tokenizer.isASCIIWordByte(bytes[position]) else {
                position += 1
                continue
            }
            let start = position
            var unseeded = FeatureHash.offsetBasis
            repeat {
                unseeded = (unseeded ^ UInt64(bytes[position])) &* FeatureHash.prime
                position += 1
            } while position < count && Tokenizer.isASCIIWordByte(bytes[position])
            guard position - start >= 2 else { continue }
            words += 1
            if dropStopWords && stopWords.contains(unseeded) { continue }
            let stemmed = stemPlurals ? PluralStemmer.stemmedHash(unseeded, of: bytes, start ..< position) : unseeded
            let hash = FeatureHash.token(stemmed, seed: seed)
            if countsUnigrams { add(FeatureHash.unigram(hash, kind: .wordUnigram), .wordUnigram, &counts, idf) }
            if countsBigrams, let previous {
                add(FeatureHash.bigram(previous, hash, kind: .wordBigram), .wordBigram, &counts, idf)
            }
            previous = hash
        }
        return words
    }

    @inline(__always)
    private func add(_ key: UInt64, _ kind: FeatureKind, _ counts: inout FeatureCounts, _ idf: UnsafePointer<Float>) {
        if counts.add(key, kind: kind) { arx_prefetch(idf + FeatureHash.bucket(key, bucketBits: bucketBits)) }
    }
}
