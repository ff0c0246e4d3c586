import Foundation
public import LinearAlgebra

/// Computes the sparse view of texts, reusing its buffers from one text to the next.
///
/// The pipeline: ``TextNormalizer`` (NFKC + case fold) → ``MarkupStripper`` (LaTeX, URLs) → ``Tokenizer``
/// (words, CJK characters) → stop words dropped → word unigrams and bigrams, CJK character unigrams and
/// bigrams, and (with a ``ChineseLexicon``) the words each CJK run segments into, each hashed by
/// ``FeatureHash`` to a bucket and a sign → per bucket the signed sum of `(1 + ln tf) × kind weight` over
/// its features (colliding features add up) → × idf[bucket] → L2.
///
/// No `String` is made per token or n-gram: tokens are byte ranges of one reused buffer, and n-gram keys
/// are combined from token hashes. The summation order inside a bucket is fixed (first occurrence in the
/// text), so a text's vector is bit-identical on every run. A featurizer is not shared between threads;
/// make one per thread (it is cheap).
///
/// Text whose every byte is ASCII (nearly every English abstract) skips the tokenizer: ``ASCIIWordPass`` scans,
/// hashes and counts its words in one loop, with the same features in the same order (tests compare the two).
public struct Featurizer {
    private let definition: ModelDefinition
    private let idf: [Float]
    private let kindWeights: [Float]
    /// The word features of an all-ASCII text (most English abstracts), in one pass; nil where a test holds it
    /// to the general path.
    private let asciiPass: ASCIIWordPass?
    private var text: [UInt8] = []
    private var counts = FeatureCounts()
    private var order: [UInt64] = []
    private var orderSort = BucketRadixSort()
    private var rawBuckets: [Int32] = []
    private var rawValues: [Float] = []
    /// Each feature's signed weight before idf, in feature order (``contribution(key:tf:kindWeight:sublinearTF:)``).
    private var contributions: [Float] = []
    /// When set, the byte ranges of each new feature's tokens are kept for ``features(of:)``.
    private var spans: [FeatureSpan]? = nil
    /// The lexicon CJK runs are segmented with, when the definition emits Chinese words.
    private let lexicon: ChineseLexicon?
    /// The byte offset of each character of the current CJK run (segmented when the run ends).
    private var runStarts: [Int] = []
    private var runEnd = 0
    private var segmentation = SegmentationBuffers()
    /// CJK characters and other words of the last text, for ``language``.
    private var cjkCharacters = 0
    private var otherWords = 0

    /// A featurizer for `model`'s sparse view.
    public init(model: EmbeddingModel) {
        self.init(definition: model.definition, idf: model.idf, lexicon: model.lexicon)
    }

    /// A featurizer for `model`'s phrase view — its n-grams with English stop words kept
    /// (``ModelDefinition/phraseView``); nil when the model has none.
    public init?(phrasesOf model: EmbeddingModel) {
        guard let definition = model.definition.phraseDefinition else { return nil }
        self.init(definition: definition, idf: model.idf, lexicon: model.lexicon)
    }

    /// A featurizer with an explicit idf table (all ones while fitting computes the real one) and the
    /// lexicon of a definition with ``ModelDefinition/chineseWords`` (ignored otherwise). `fusedASCIIPass: false`
    /// sends all-ASCII text through the general path too, which tests compare the fused pass with.
    init(definition: ModelDefinition, idf: [Float], lexicon: ChineseLexicon? = nil, fusedASCIIPass: Bool = true) {
        precondition(idf.count == definition.bucketCount, "Featurizer: idf has \(idf.count) entries")
        self.definition = definition
        self.idf = idf
        self.kindWeights = FeatureKind.allCases.map { definition.weights[$0] }
        self.asciiPass = fusedASCIIPass ? ASCIIWordPass(definition: definition) : nil
        self.lexicon = definition.weights.cjkWord != 0 && definition.chineseWords != nil ? lexicon ?? .empty : nil
    }

    /// The language of the last text featurized: Chinese when it has more CJK characters than other
    /// words (a Chinese abstract naming GRPO and ImageNet is Chinese; an English one quoting 扩散 is not).
    public var language: TextLanguage { cjkCharacters > otherWords ? .chinese : .english }

    /// The language of `text` (see ``language``), without computing its features.
    public mutating func language(of input: String) -> TextLanguage {
        TextNormalizer.normalize(input, into: &text)
        MarkupStripper.strip(&text, keepingLinks: definition.keepLinkWords)
        (cjkCharacters, otherWords) = text.withUnsafeBufferPointer { bytes in
            var tokenizer = Tokenizer(bytes)
            var counts = (cjk: 0, other: 0)
            while let token = tokenizer.next() {
                if token.isCJK { counts.cjk += 1 } else { counts.other += 1 }
            }
            return counts
        }
        return language
    }

    /// The sparse view of `text`: L2-normalised weights at strictly increasing buckets, or an empty vector
    /// when the text has no features (empty, only punctuation, only stop words).
    public mutating func sparse(_ text: String) -> SparseVector {
        let count = collect(text)
        return Self.weighted(
            buckets: rawBuckets.withUnsafeBufferPointer { UnsafeBufferPointer(rebasing: $0[0 ..< count]) },
            raw: rawValues.withUnsafeBufferPointer { UnsafeBufferPointer(rebasing: $0[0 ..< count]) },
            idf: idf)
    }

    /// The bucket sums of `text` before idf and normalisation, appended to `buckets`/`values`; returns how
    /// many entries were appended. Fitting keeps these to apply the idf it computes afterwards.
    mutating func appendRaw(_ text: String, buckets: inout [Int32], values: inout [Float]) -> Int {
        let count = collect(text)
        buckets.append(contentsOf: rawBuckets[0 ..< count])
        values.append(contentsOf: rawValues[0 ..< count])
        return count
    }

    /// The sparse vector from raw bucket sums: × idf, then L2. The one place both ``sparse(_:)`` and fitting
    /// finish a vector, so they agree bit for bit.
    static func weighted(
        buckets: UnsafeBufferPointer<Int32>, raw: UnsafeBufferPointer<Float>, idf: [Float]
    ) -> SparseVector {
        guard !buckets.isEmpty else { return .empty }
        var values = [Float](repeating: 0, count: buckets.count)
        var sumOfSquares: Double = 0
        idf.withUnsafeBufferPointer { idf in
            for i in 0 ..< buckets.count {
                let v = raw[i] * idf[Int(buckets[i])]
                values[i] = v
                sumOfSquares += Double(v * v)
            }
        }
        let scale = Float(1 / sumOfSquares.squareRoot())
        for i in 0 ..< values.count { values[i] *= scale }
        return SparseVector(indices: Array(buckets), values: values)
    }

    /// Tokenizes `text` and fills `rawBuckets`/`rawValues` with the non-zero bucket sums in increasing
    /// bucket order; returns their count.
    private mutating func collect(_ input: String) -> Int {
        TextNormalizer.normalize(input, into: &text)
        MarkupStripper.strip(&text, keepingLinks: definition.keepLinkWords)
        counts.removeAll()
        let bytes = text  // shares storage; lets the loop below mutate the other buffers of `self`
        bytes.withUnsafeBufferPointer { extractFeatures($0) }
        return sumByBucket()
    }

    private mutating func extractFeatures(_ bytes: UnsafeBufferPointer<UInt8>) {
        if let asciiPass, spans == nil, ASCIIWordPass.applies(to: bytes) {
            cjkCharacters = 0
            otherWords = idf.withUnsafeBufferPointer { idf in
                guard let idf = idf.baseAddress else { return 0 }
                return asciiPass.run(bytes, counts: &counts, idf: idf)
            }
            return
        }
        let seed = definition.hashSeed
        let dropStopWords = definition.dropEnglishStopWords
        let stemPlurals = definition.stemPlurals
        let dropChineseStopWords = definition.dropChineseStopWords
        let stopWords = EnglishStopWords.table
        var tokenizer = Tokenizer(bytes)
        var previousWord: (hash: UInt64, token: Token)? = nil
        var previousCJK: (hash: UInt64, token: Token)? = nil
        let segmenting = lexicon != nil
        let characterFeatures = definition.weights.cjkUnigram != 0 || definition.weights.cjkBigram != 0
        cjkCharacters = 0
        otherWords = 0
        runStarts.removeAll(keepingCapacity: true)
        defer { if !runStarts.isEmpty { addWords(of: bytes) } }
        while let token = tokenizer.next() {
            let unseeded = token.hash
            if token.isCJK {
                cjkCharacters += 1
                if segmenting {
                    if !runStarts.isEmpty && runEnd != token.start { addWords(of: bytes) }
                    runStarts.append(token.start)
                    runEnd = token.end
                }
                previousWord = nil
                // Models from v6 on weigh CJK characters 0 (they count words instead): skip their hashing.
                guard characterFeatures else { continue }
                let hash = FeatureHash.token(unseeded, seed: seed)
                if !(dropChineseStopWords && ChineseStopWords.characterTable.contains(unseeded)) {
                    add(FeatureHash.unigram(hash, kind: .cjkUnigram), .cjkUnigram, token, token)
                }
                if let previous = previousCJK, previous.token.end == token.start,
                   !(dropChineseStopWords
                     && ChineseStopWords.wordTable.contains(FeatureHash.fnv1a(bytes, previous.token.start ..< token.end)))
                {
                    add(FeatureHash.bigram(previous.hash, hash, kind: .cjkBigram), .cjkBigram, previous.token, token)
                }
                previousCJK = (hash, token)
            } else {
                otherWords += 1
                if !runStarts.isEmpty { addWords(of: bytes) }
                previousCJK = nil
                if dropStopWords && stopWords.contains(unseeded) { continue }
                let stemmed = stemPlurals ? PluralStemmer.stemmedHash(unseeded, of: bytes, token.start ..< token.end) : unseeded
                let hash = FeatureHash.token(stemmed, seed: seed)
                add(FeatureHash.unigram(hash, kind: .wordUnigram), .wordUnigram, token, token)
                if let previous = previousWord {
                    add(FeatureHash.bigram(previous.hash, hash, kind: .wordBigram), .wordBigram, previous.token, token)
                }
                previousWord = (hash, token)
            }
        }
    }

    /// Segments the CJK run collected in `runStarts` with the lexicon and adds its words (Chinese function
    /// words dropped when the definition says so), then forgets the run.
    private mutating func addWords(of bytes: UnsafeBufferPointer<UInt8>) {
        runStarts.append(runEnd)
        defer { runStarts.removeAll(keepingCapacity: true) }
        guard let lexicon else { return }
        lexicon.segment(bytes, characterStarts: runStarts[...], buffers: &segmentation)
        let seed = definition.hashSeed
        let dropChineseStopWords = definition.dropChineseStopWords
        var from = 0
        for end in segmentation.ends {
            let range = runStarts[from] ..< runStarts[end]
            from = end
            let unseeded = FeatureHash.fnv1a(bytes, range)
            if dropChineseStopWords
                && (ChineseStopWords.characterTable.contains(unseeded) || ChineseStopWords.wordTable.contains(unseeded))
            {
                continue
            }
            let word = Token(start: range.lowerBound, end: range.upperBound, isCJK: true, hash: unseeded)
            add(FeatureHash.unigram(FeatureHash.token(unseeded, seed: seed), kind: .cjkWord), .cjkWord, word, word)
        }
    }

    @inline(__always)
    private mutating func add(_ key: UInt64, _ kind: FeatureKind, _ first: Token, _ second: Token) {
        guard kindWeights[Int(kind.rawValue)] != 0 else { return }
        if counts.add(key, kind: kind), spans != nil {
            spans?.append(FeatureSpan(first: first.start ..< first.end, second: second.start ..< second.end))
        }
    }

    /// Sorts the features by (bucket, first occurrence) and sums each bucket's signed weights into the first
    /// entries of `rawBuckets`/`rawValues` (kept at least as long as the feature count, never shrunk); returns
    /// how many buckets are non-zero.
    ///
    /// Both loops run over raw buffers: with array subscripts and appends, bounds and uniqueness checks and
    /// retains were a third of this function's time (perf, session 10).
    private mutating func sumByBucket() -> Int {
        let bits = definition.bucketBits
        let featureCount = counts.count
        Self.resize(&order, to: featureCount)
        let keys = counts.keys
        order.withUnsafeMutableBufferPointer { order in
            for index in 0 ..< featureCount {
                order[index] = UInt64(FeatureHash.bucket(keys[index], bucketBits: bits)) << 32 | UInt64(index)
            }
        }
        orderSort.sort(&order, bucketBits: bits)
        if rawBuckets.count < featureCount {
            Self.resize(&rawBuckets, to: featureCount)
            Self.resize(&rawValues, to: featureCount)
        }
        if contributions.count < featureCount { Self.resize(&contributions, to: featureCount) }
        let sublinearTF = definition.sublinearTF
        let tfs = counts.counts
        let kinds = counts.kinds
        kindWeights.withUnsafeBufferPointer { weights in
            SublinearTF.withTable { table in
                contributions.withUnsafeMutableBufferPointer { contributions in
                    for index in 0 ..< featureCount {
                        contributions[index] = Self.contribution(
                            key: keys[index], tf: Int(tfs[index]), kindWeight: weights[Int(kinds[index].rawValue)],
                            sublinearTF: sublinearTF, table: table)
                    }
                }
            }
        }
        return order.withUnsafeBufferPointer { order in
            contributions.withUnsafeBufferPointer { contributions in
                rawBuckets.withUnsafeMutableBufferPointer { rawBuckets in
                    rawValues.withUnsafeMutableBufferPointer { rawValues in
                        var written = 0
                        var current = -1
                        var sum: Float = 0
                        for packed in order {
                            let bucket = Int(packed >> 32)
                            let index = Int(packed & 0xffff_ffff)
                            if bucket != current {
                                if current >= 0 && sum != 0 {
                                    rawBuckets[written] = Int32(current)
                                    rawValues[written] = sum
                                    written += 1
                                }
                                current = bucket
                                sum = 0
                            }
                            sum += contributions[index]
                        }
                        if current >= 0 && sum != 0 {
                            rawBuckets[written] = Int32(current)
                            rawValues[written] = sum
                            written += 1
                        }
                        return written
                    }
                }
            }
        }
    }

    /// Makes `array` exactly `count` long, keeping its storage (new entries are zero).
    private static func resize<T: Numeric>(_ array: inout [T], to count: Int) {
        if array.count > count {
            array.removeLast(array.count - count)
        } else if array.count < count {
            array.append(contentsOf: repeatElement(0, count: count - array.count))
        }
    }

    /// `sign × tf weight × kind weight` of feature `index`, before idf.
    @inline(__always)
    private func contribution(of index: Int) -> Float {
        Self.contribution(
            key: counts.keys[index], tf: Int(counts.counts[index]),
            kindWeight: kindWeights[Int(counts.kinds[index].rawValue)], sublinearTF: definition.sublinearTF)
    }

    /// `sign × tf weight × kind weight` of a feature with key `key` seen `tf` times, before idf: the one
    /// formula both ``sumByBucket()`` and ``features(of:)`` use, so they agree bit for bit.
    @inline(__always)
    private static func contribution(key: UInt64, tf: Int, kindWeight: Float, sublinearTF: Bool) -> Float {
        SublinearTF.withTable { contribution(key: key, tf: tf, kindWeight: kindWeight, sublinearTF: sublinearTF, table: $0) }
    }

    /// The same with ``SublinearTF``'s table at hand, for loops over every feature (the table is a lazily
    /// initialised global, and its check stayed inside the loop).
    @inline(__always)
    private static func contribution(
        key: UInt64, tf: Int, kindWeight: Float, sublinearTF: Bool, table: UnsafeBufferPointer<Float>
    ) -> Float {
        let tfWeight = sublinearTF ? SublinearTF.weight(tf, table: table) : Float(tf)
        return FeatureHash.sign(key) * tfWeight * kindWeight
    }

    /// Every feature of `text` with its readable n-gram and its weight in the normalised sparse vector —
    /// the slow path behind explanations ("matches: diffusion model, 扩散"). Features are listed in order
    /// of first occurrence; `weight` is the feature's own share (colliding features of a bucket are listed
    /// separately, their weights sum to the bucket's value).
    public mutating func features(of input: String) -> [Feature] {
        spans = []
        defer { spans = nil }
        let count = collect(input)
        var sumOfSquares: Double = 0
        for i in 0 ..< count {
            let v = rawValues[i] * idf[Int(rawBuckets[i])]
            sumOfSquares += Double(v * v)
        }
        guard sumOfSquares > 0 else { return [] }
        let scale = Float(1 / sumOfSquares.squareRoot())
        let spans = self.spans ?? []
        var result: [Feature] = []
        result.reserveCapacity(counts.count)
        for index in 0 ..< counts.count {
            let kind = counts.kinds[index]
            let bucket = FeatureHash.bucket(counts.keys[index], bucketBits: definition.bucketBits)
            let span = spans[index]
            let name: String
            switch kind {
            case .wordUnigram, .cjkUnigram, .cjkWord:
                name = String(decoding: text[span.first], as: UTF8.self)
            case .wordBigram:
                name = String(decoding: text[span.first], as: UTF8.self) + " "
                    + String(decoding: text[span.second], as: UTF8.self)
            case .cjkBigram:
                name = String(decoding: text[span.first.lowerBound ..< span.second.upperBound], as: UTF8.self)
            }
            let weight = contribution(of: index) * idf[bucket] * scale
            // Only the phrase view has stop words in its n-grams ("of the"); they carry style, not a topic.
            let hasStopWord = !definition.dropEnglishStopWords
                && (kind == .wordUnigram || kind == .wordBigram)
                && [span.first, span.second].contains { EnglishStopWords.table.contains(FeatureHash.fnv1a(text[$0])) }
            result.append(Feature(text: name, kind: kind, bucket: bucket, weight: weight, hasStopWord: hasStopWord))
        }
        return result
    }
}

/// Where a feature's tokens sit in the normalised text (both ranges equal for a unigram).
private struct FeatureSpan {
    var first: Range<Int>
    var second: Range<Int>
}

/// One n-gram of a text, for explanations.
public struct Feature: Sendable, Hashable, CustomStringConvertible {
    /// The n-gram as normalised text: `diffusion`, `diffusion model`, `扩`, `扩散`, `扩散模型`.
    public let text: String
    public let kind: FeatureKind
    public let bucket: Int
    /// The feature's signed weight in the L2-normalised sparse vector.
    public let weight: Float
    /// Whether a word of the n-gram is an English stop word (only in the phrase view): such an n-gram
    /// says how a text is worded, not what it is about, so explanations skip it.
    public let hasStopWord: Bool

    public var description: String { "\(text) [\(kind), bucket \(bucket)] \(weight)" }
}

/// `1 + ln tf`, tabulated for small counts so the common case costs a load.
enum SublinearTF {
    private static let table: [Float] = (0 ..< 64).map { $0 == 0 ? 0 : Float(1 + log(Double($0))) }

    @inline(__always)
    static func weight(_ tf: Int) -> Float {
        withTable { weight(tf, table: $0) }
    }

    /// `1 + ln tf` with the table from ``withTable(_:)``.
    @inline(__always)
    static func weight(_ tf: Int, table: UnsafeBufferPointer<Float>) -> Float {
        tf >= 0 && tf < table.count ? table[tf] : Float(1 + log(Double(tf)))
    }

    /// Runs `body` with the table, so a loop looks it up once.
    @inline(__always)
    static func withTable<R>(_ body: (UnsafeBufferPointer<Float>) -> R) -> R {
        table.withUnsafeBufferPointer(body)
    }
}
