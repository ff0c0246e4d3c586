import Foundation

/// The Chinese words a model knows, each with its cost −ln p(word) under a unigram language model, and
/// the segmentation of a CJK run into those words.
///
/// Why words: Chinese has no spaces, and character bigrams cut 扩散模型 (diffusion model) into 扩散 · 散模 ·
/// 模型, where 散模 means nothing and is what a reason would name. The lexicon is learned from the fitted
/// corpus's Chinese texts (``ChineseLexiconLearner``), so it knows the field's terms (检索增强, 高斯泼溅);
/// segmentation is the most probable split (Viterbi over the unigram model), the rule of most
/// dictionary-based Chinese tokenizers.
///
/// Stored as two model artifacts: the words in ascending UTF-8 byte order, one per line, and their costs
/// (Float16) in the same order. Looked up by the unseeded FNV-1a hash of a word's UTF-8 bytes, the hash a
/// CJK token already carries (``FeatureHash/fnv1a(_:_:)``), in an open-addressing table built on load: no
/// `String` is made while segmenting.
public struct ChineseLexicon: Sendable, Equatable {
    /// The words, ascending by UTF-8 bytes (characters and longer words alike).
    public let words: [String]
    /// −ln p of each word, Float16 values widened to Float, in the order of ``words``.
    public let costs: [Float]
    /// The longest word, in characters: the segmentation tries no longer span.
    let maximumLength: Int
    /// The cost of a character the lexicon does not know: a little above the rarest word's, so such a
    /// character stands alone rather than blocking the words around it.
    let unknownCost: Float
    private let slots: [UInt64]
    private let slotCosts: [Float]
    private let mask: Int

    /// A lexicon of `words` (strictly ascending by UTF-8 bytes, non-empty, made of CJK characters only)
    /// with their `costs` (finite, non-negative, exactly representable as Float16).
    public init(words: [String], costs: [Float]) {
        precondition(words.count == costs.count, "ChineseLexicon: \(words.count) words, \(costs.count) costs")
        self.words = words
        self.costs = costs
        var capacity = 16
        while capacity < words.count * 2 { capacity *= 2 }
        var slots = [UInt64](repeating: 0, count: capacity)
        var slotCosts = [Float](repeating: 0, count: capacity)
        var longest = 1
        for (word, cost) in zip(words, costs) {
            let h = Self.nonZero(FeatureHash.fnv1a(Array(word.utf8)))
            var i = Int(truncatingIfNeeded: FeatureHash.fmix64(h)) & (capacity - 1)
            while slots[i] != 0 && slots[i] != h { i = (i + 1) & (capacity - 1) }
            slots[i] = h
            slotCosts[i] = cost
            longest = max(longest, word.unicodeScalars.count)
        }
        self.slots = slots
        self.slotCosts = slotCosts
        self.mask = capacity - 1
        self.maximumLength = longest
        self.unknownCost = (costs.max() ?? 0) + Float(log(2.0))
    }

    /// The empty lexicon: every character is its own word.
    public static let empty = ChineseLexicon(words: [], costs: [])

    /// The cost of the word whose unseeded FNV-1a hash is `hash`, or nil when it is not a word.
    @inline(__always)
    func cost(_ hash: UInt64) -> Float? {
        let h = Self.nonZero(hash)
        var i = Int(truncatingIfNeeded: FeatureHash.fmix64(h)) & mask
        while true {
            let slot = slots[i]
            if slot == h { return slotCosts[i] }
            if slot == 0 { return nil }
            i = (i + 1) & mask
        }
    }

    /// Whether `word` is in the lexicon.
    public func contains(_ word: String) -> Bool {
        cost(FeatureHash.fnv1a(Array(word.utf8))) != nil
    }

    /// `text` split into words (a convenience for tests and tools; the featurizer segments in place).
    public func segment(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var starts: [Int] = []
        var bytes: [UInt8] = []
        for scalar in scalars {
            starts.append(bytes.count)
            bytes.append(contentsOf: String(scalar).utf8)
        }
        starts.append(bytes.count)
        var buffers = SegmentationBuffers()
        let ends = bytes.withUnsafeBufferPointer { segment($0, characterStarts: starts[...], buffers: &buffers) }
        var words: [String] = []
        var start = 0
        for end in ends {
            words.append(String(decoding: bytes[starts[start] ..< starts[end]], as: UTF8.self))
            start = end
        }
        return words
    }

    /// The most probable split of one CJK run: `characterStarts` holds the byte offset in `bytes` of each
    /// character of the run and, last, the run's end. Returns the end (an index into `characterStarts`)
    /// of each word, in text order, in `buffers.ends`.
    ///
    /// Dynamic programming over the run: the best split of the first i characters is the best over the
    /// last word's length n ≤ ``maximumLength`` of (best split of the first i − n) + cost(word); unknown
    /// single characters cost ``unknownCost``. Ties keep the earlier-found split, so the result is the
    /// same on every run.
    /// - Complexity: O(characters × maximumLength) table lookups; nothing is allocated once the buffers
    ///   have grown to the longest run.
    @discardableResult
    func segment(
        _ bytes: UnsafeBufferPointer<UInt8>, characterStarts: ArraySlice<Int>, buffers: inout SegmentationBuffers
    ) -> [Int] {
        let base = characterStarts.startIndex
        let count = characterStarts.count - 1
        buffers.ends.removeAll(keepingCapacity: true)
        guard count > 0 else { return buffers.ends }
        buffers.best.removeAll(keepingCapacity: true)
        buffers.best.append(0)
        buffers.best.append(contentsOf: repeatElement(Float.infinity, count: count))
        buffers.previous.removeAll(keepingCapacity: true)
        buffers.previous.append(contentsOf: repeatElement(0, count: count + 1))
        for start in 0 ..< count {
            let here = buffers.best[start]
            var h = FeatureHash.offsetBasis
            let longest = min(maximumLength, count - start)
            var byte = characterStarts[base + start]
            for length in 1 ... longest {
                let end = characterStarts[base + start + length]
                while byte < end {
                    h = (h ^ UInt64(bytes[byte])) &* FeatureHash.prime
                    byte += 1
                }
                guard let cost = cost(h) ?? (length == 1 ? unknownCost : nil) else { continue }
                let total = here + cost
                if total < buffers.best[start + length] {
                    buffers.best[start + length] = total
                    buffers.previous[start + length] = Int32(start)
                }
            }
        }
        var end = count
        while end > 0 {
            buffers.ends.append(end)
            end = Int(buffers.previous[end])
        }
        buffers.ends.reverse()
        return buffers.ends
    }

    /// 0 marks an empty slot, so a (practically impossible) zero hash is stored as 1.
    @inline(__always)
    private static func nonZero(_ h: UInt64) -> UInt64 { h == 0 ? 1 : h }

    public static func == (a: ChineseLexicon, b: ChineseLexicon) -> Bool {
        a.words == b.words && a.costs == b.costs
    }
}

/// The reusable work arrays of ``ChineseLexicon/segment(_:characterStarts:buffers:)``.
struct SegmentationBuffers {
    var best: [Float] = []
    var previous: [Int32] = []
    var ends: [Int] = []
}
