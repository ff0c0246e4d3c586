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
/// `String` is made while segmenting. A bit set of the words' proper prefixes, also built on load, lets
/// segmentation stop lengthening a candidate word at the first span no word continues.
public struct ChineseLexicon: Sendable, Equatable {
    /// The words as stored (the `lexicon-words.u8` payload): UTF-8, each followed by a line feed, ascending
    /// by bytes.
    let wordBytes: [UInt8]
    /// How many words (characters and longer words alike).
    public let count: Int
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
    /// The prefix set: bit ``prefixBit(_:)`` of the hash of every proper prefix of a word is set (a span no
    /// word continues may find its bit set by another's, which only costs a lookup; a span some word
    /// continues always finds it set). 2^19 bits, 64 KB, so it stays in the cache; ~29 k prefixes set
    /// ~6 % of them. A filter rather than table entries: the 24 k prefixes that are no word would have
    /// doubled the table (2 MB), and cold loads and lookups with it.
    private let prefixBits: [UInt64]
    private static let prefixBitCount = 19

    /// The words, ascending by UTF-8 bytes (characters and longer words alike). Made on each call: only a
    /// fit, `model show` and the model writer read them.
    public var words: [String] {
        wordBytes.split(separator: 0x0a).map { String(decoding: $0, as: UTF8.self) }
    }

    /// A lexicon of `words` (strictly ascending by UTF-8 bytes, non-empty, made of CJK characters only)
    /// with their `costs` (finite, non-negative, exactly representable as Float16).
    public init(words: [String], costs: [Float]) {
        precondition(words.count == costs.count, "ChineseLexicon: \(words.count) words, \(costs.count) costs")
        var bytes: [UInt8] = []
        for word in words {
            bytes.append(contentsOf: word.utf8)
            bytes.append(0x0a)
        }
        switch Self.decode(bytes, costs: costs) {
        case .success(let lexicon): self = lexicon
        case .failure(let problem): preconditionFailure("ChineseLexicon: \(problem)")
        }
    }

    private init(
        wordBytes: [UInt8], count: Int, costs: [Float], maximumLength: Int, slots: [UInt64], slotCosts: [Float],
        prefixBits: [UInt64]
    ) {
        self.wordBytes = wordBytes
        self.count = count
        self.costs = costs
        self.maximumLength = maximumLength
        self.slots = slots
        self.slotCosts = slotCosts
        self.prefixBits = prefixBits
        self.mask = slots.count - 1
        self.unknownCost = (costs.max() ?? 0) + Float(log(2.0))
    }

    /// What is wrong with the bytes of a stored lexicon (``decode(_:costs:)``).
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case unterminated
        case notCJK(word: Int)
        case outOfOrder(word: Int)
        case costCount(costs: Int, words: Int)

        public var description: String {
            switch self {
            case .unterminated: "the last lexicon word is not ended by a line feed"
            case .notCJK(let word): "lexicon word \(word) is not a run of CJK characters"
            case .outOfOrder(let word): "lexicon word \(word) is out of order or repeated"
            case .costCount(let costs, let words): "\(costs) costs for \(words) lexicon words"
            }
        }
    }

    /// The lexicon stored as `wordBytes` (UTF-8 lines, each ended by a line feed, non-empty, made of CJK
    /// characters only, strictly ascending by bytes) and `costs`, one per word; or what is wrong with them.
    ///
    /// One pass over the bytes, each word checked and hashed where it lies: a model load used to make a
    /// `String` of each of the 26 k words, check it, and hash a copy of its bytes, a twentieth of a cold
    /// `similar` (perf, session 10).
    public static func decode(_ wordBytes: [UInt8], costs: [Float]) -> Result<ChineseLexicon, Problem> {
        guard wordBytes.isEmpty || wordBytes.last == 0x0a else { return .failure(.unterminated) }
        var count = 0
        var longest = 1
        var hashes: [UInt64] = []
        var prefixBits = [UInt64](repeating: 0, count: 1 << (prefixBitCount - 6))
        let problem: Problem? = wordBytes.withUnsafeBufferPointer { bytes -> Problem? in
            var start = 0
            var previous: Range<Int>? = nil
            while start < bytes.count {
                var end = start
                while bytes[end] != 0x0a { end += 1 }
                count += 1
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                var iterator = line.makeIterator()
                var decoder = UTF8()
                var characters = 0
                decoding: while true {
                    switch decoder.decode(&iterator) {
                    case .scalarValue(let scalar) where Tokenizer.isCJK(scalar.value): characters += 1
                    case .emptyInput: break decoding
                    case .scalarValue, .error: return .notCJK(word: count)
                    }
                }
                if characters == 0 { return .notCJK(word: count) }
                if let previous, !UnsafeBufferPointer(rebasing: bytes[previous]).lexicographicallyPrecedes(line) {
                    return .outOfOrder(word: count)
                }
                longest = max(longest, characters)
                var h = FeatureHash.offsetBasis
                for i in start ..< end {
                    // A character starts at i > start: bytes start..<i are a proper prefix.
                    if i > start && bytes[i] & 0xc0 != 0x80 {
                        let bit = prefixBit(FeatureHash.fmix64(nonZero(h)))
                        prefixBits[bit >> 6] |= 1 << UInt64(bit & 63)
                    }
                    h = FeatureHash.fnv1a(h, appending: bytes[i])
                }
                hashes.append(nonZero(h))
                previous = start..<end
                start = end + 1
            }
            return nil
        }
        if let problem { return .failure(problem) }
        guard count == costs.count else { return .failure(.costCount(costs: costs.count, words: count)) }
        var capacity = 16
        while capacity < count * 2 { capacity *= 2 }
        var slots = [UInt64](repeating: 0, count: capacity)
        var slotCosts = [Float](repeating: 0, count: capacity)
        for (h, cost) in zip(hashes, costs) {
            var i = Int(truncatingIfNeeded: FeatureHash.fmix64(h)) & (capacity - 1)
            while slots[i] != 0 && slots[i] != h { i = (i + 1) & (capacity - 1) }
            slots[i] = h
            slotCosts[i] = cost
        }
        return .success(ChineseLexicon(
            wordBytes: wordBytes, count: count, costs: costs, maximumLength: longest, slots: slots,
            slotCosts: slotCosts, prefixBits: prefixBits))
    }

    /// The empty lexicon: every character is its own word.
    public static let empty = ChineseLexicon(words: [], costs: [])

    /// The cost of the word whose unseeded FNV-1a hash is `hash`, or nil when it is not a word.
    @inline(__always)
    func cost(_ hash: UInt64) -> Float? {
        let h = Self.nonZero(hash)
        return cost(h, mixed: FeatureHash.fmix64(h))
    }

    /// The cost of the word whose (non-zero) hash is `h` and `fmix64(h)` is `mixed`, or nil.
    @inline(__always)
    private func cost(_ h: UInt64, mixed: UInt64) -> Float? {
        var i = Int(truncatingIfNeeded: mixed) & mask
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
    /// `tryingEveryLength` selects the definition the shortcut is tested against (see the other `segment`).
    public func segment(_ text: String, tryingEveryLength: Bool = false) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var starts: [Int] = []
        var bytes: [UInt8] = []
        for scalar in scalars {
            starts.append(bytes.count)
            bytes.append(contentsOf: String(scalar).utf8)
        }
        starts.append(bytes.count)
        var buffers = SegmentationBuffers()
        let ends = bytes.withUnsafeBufferPointer {
            segment($0, characterStarts: starts[...], buffers: &buffers, tryingEveryLength: tryingEveryLength)
        }
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
    ///
    /// From each start the candidate word is lengthened only while the prefix set says a word may continue
    /// it: a longer span could not be a word. Segmentation was 35 % of a Chinese text's embedding when
    /// every length up to ``maximumLength`` (6) was tried (perf, session 10); most spans of two or three
    /// characters continue no word. `tryingEveryLength` is the definition — every length tried — which the
    /// tests compare the shortcut with.
    /// - Complexity: O(characters × maximumLength) table lookups; nothing is allocated once the buffers
    ///   have grown to the longest run.
    @discardableResult
    func segment(
        _ bytes: UnsafeBufferPointer<UInt8>, characterStarts: ArraySlice<Int>, buffers: inout SegmentationBuffers,
        tryingEveryLength: Bool = false
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
                let nonZero = Self.nonZero(h)
                let mixed = FeatureHash.fmix64(nonZero)
                if let cost = cost(nonZero, mixed: mixed) ?? (length == 1 ? unknownCost : nil) {
                    let total = here + cost
                    if total < buffers.best[start + length] {
                        buffers.best[start + length] = total
                        buffers.previous[start + length] = Int32(start)
                    }
                }
                if !tryingEveryLength && !mayContinue(mixed) { break }
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

    /// The prefix-set bit of a span whose hash mixes to `mixed`: its top bits (the table slot takes the low ones).
    @inline(__always)
    private static func prefixBit(_ mixed: UInt64) -> Int {
        Int(truncatingIfNeeded: mixed >> UInt64(64 - prefixBitCount))
    }

    /// Whether some word may continue the span whose hash mixes to `mixed`: false only when none does.
    @inline(__always)
    private func mayContinue(_ mixed: UInt64) -> Bool {
        let bit = Self.prefixBit(mixed)
        return prefixBits.withUnsafeBufferPointer { $0[bit >> 6] } >> UInt64(bit & 63) & 1 != 0
    }

    /// 0 marks an empty slot, so a (practically impossible) zero hash is stored as 1.
    @inline(__always)
    private static func nonZero(_ h: UInt64) -> UInt64 { h == 0 ? 1 : h }

    public static func == (a: ChineseLexicon, b: ChineseLexicon) -> Bool {
        a.wordBytes == b.wordBytes && a.costs == b.costs
    }
}

/// The reusable work arrays of ``ChineseLexicon/segment(_:characterStarts:buffers:)``.
struct SegmentationBuffers {
    var best: [Float] = []
    var previous: [Int32] = []
    var ends: [Int] = []
}
